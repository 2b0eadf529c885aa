//! A short text that is cheap to copy: units (`次`, `人次`), words (`完整`) and values as
//! written (`>=14次`, where a working or finding shows one) are a few characters long and
//! copied into every figure, working and check that reads them. Up to 23 bytes (seven CJK
//! characters) are kept in place (copying one is copying 24 bytes, no allocation); a longer
//! text is shared (`Arc<str>`), so a copy never allocates either.
//!
//! Kept by `smol_str::SmolStr`, which is exactly that design: reading the text back is free,
//! where a safe copy of ours had to check the bytes for UTF-8 on every read (some 120
//! instructions for a CJK unit, read several times per indicator).

use smol_str::SmolStr;
use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The most bytes kept in place (`smol_str`'s inline capacity).
const INLINE: usize = 23;

/// An immutable text; see the module doc.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct ShortStr(SmolStr);

impl ShortStr {
    #[inline]
    pub fn new(text: &str) -> ShortStr {
        // Built in place, inline: `SmolStr::new` does the same out of line, a call for each
        // unit and word of a report's cells.
        if text.len() <= INLINE {
            ShortStr(SmolStr::new_inline(text))
        } else {
            ShortStr(SmolStr::new(text))
        }
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Deref for ShortStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ShortStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for ShortStr {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl From<&str> for ShortStr {
    fn from(text: &str) -> ShortStr {
        ShortStr::new(text)
    }
}

impl From<String> for ShortStr {
    fn from(text: String) -> ShortStr {
        ShortStr::new(&text)
    }
}

impl From<&String> for ShortStr {
    fn from(text: &String) -> ShortStr {
        ShortStr::new(text)
    }
}

impl From<ShortStr> for String {
    fn from(text: ShortStr) -> String {
        text.as_str().to_string()
    }
}

impl PartialEq<str> for ShortStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ShortStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for ShortStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<ShortStr> for str {
    fn eq(&self, other: &ShortStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<ShortStr> for &str {
    fn eq(&self, other: &ShortStr) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<ShortStr> for String {
    fn eq(&self, other: &ShortStr) -> bool {
        self == other.as_str()
    }
}

/// Hashes as the `str` it holds, so that maps keyed by it can be searched with a `&str`.
impl Hash for ShortStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for ShortStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for ShortStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_stay_in_place_and_long_ones_are_shared() {
        let unit = ShortStr::from("人次");
        assert_eq!(unit.as_str(), "人次");
        assert!(!unit.0.is_heap_allocated());
        let seven = ShortStr::from("达到预期目标啊");
        assert_eq!(seven.len(), 21);
        assert!(!seven.0.is_heap_allocated());
        let edge = ShortStr::from("a".repeat(23));
        assert!(!edge.0.is_heap_allocated());
        assert_eq!(edge, "a".repeat(23));
        let over = ShortStr::from("a".repeat(24));
        assert!(over.0.is_heap_allocated());
        assert_eq!(over, "a".repeat(24));
        let long = ShortStr::from("已按要求完成全部工作任务");
        assert!(long.0.is_heap_allocated());
        assert_eq!(long.clone(), long);
        assert_eq!(long, "已按要求完成全部工作任务");
        assert_eq!(ShortStr::default().as_str(), "");
        assert_eq!(format!("{unit}|{unit:?}"), "人次|\"人次\"");
    }

    #[test]
    fn texts_are_equal_and_hash_as_the_str_they_hold() {
        use std::collections::HashMap;
        let mut map = HashMap::new();
        map.insert(ShortStr::from("次"), 1);
        map.insert(ShortStr::from("一个很长很长的单位名称啊啊"), 2);
        assert_eq!(map.get("次"), Some(&1));
        assert_eq!(map.get("一个很长很长的单位名称啊啊"), Some(&2));
        assert_ne!(ShortStr::from("次"), ShortStr::from("人次"));
        // With the default hasher and the hasher of the policy's name maps, inline and
        // shared alike.
        use std::collections::hash_map::DefaultHasher;
        use std::hash::{BuildHasher, BuildHasherDefault};
        let default = BuildHasherDefault::<DefaultHasher>::default();
        let keyed = BuildHasherDefault::<crate::check::names::KeyHasher>::default();
        for text in ["", "次", "人次", "km", "一个很长很长的单位名称啊啊"] {
            let short = ShortStr::from(text);
            assert_eq!(default.hash_one(&short), default.hash_one(text), "{text:?}");
            assert_eq!(keyed.hash_one(&short), keyed.hash_one(text), "{text:?}");
        }
    }
}
