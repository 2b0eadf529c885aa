//! A short text that is cheap to copy: units (`次`, `人次`), words (`完整`) and values as
//! written (`>=14次`) are a few characters long and copied into every figure, working and
//! check that reads them. Up to [`INLINE`] bytes are kept in place (copying one is copying
//! 24 bytes, no allocation); a longer text is shared (`Arc<str>`), so a copy never
//! allocates either.

use std::borrow::Borrow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;
use std::sync::Arc;

/// The longest text kept in place, in bytes (seven CJK characters).
pub const INLINE: usize = 22;

/// An immutable text; see the module doc.
#[derive(Clone)]
pub struct ShortStr(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Shared(Arc<str>),
}

impl ShortStr {
    pub fn new(text: &str) -> ShortStr {
        if text.len() <= INLINE {
            let mut bytes = [0; INLINE];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            ShortStr(Repr::Inline {
                // INVARIANT: at most INLINE (22) bytes, which fits a u8.
                len: text.len() as u8,
                bytes,
            })
        } else {
            ShortStr(Repr::Shared(Arc::from(text)))
        }
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Only whole texts are stored, so the bytes are always UTF-8; the check is cheap
            // for a few bytes and keeps the crate free of unsafe code.
            Repr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            Repr::Shared(text) => text,
        }
    }

    fn bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Repr::Shared(text) => text.as_bytes(),
        }
    }
}

impl Default for ShortStr {
    fn default() -> ShortStr {
        ShortStr::new("")
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

impl PartialEq for ShortStr {
    fn eq(&self, other: &ShortStr) -> bool {
        self.bytes() == other.bytes()
    }
}

impl Eq for ShortStr {}

impl PartialEq<str> for ShortStr {
    fn eq(&self, other: &str) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for ShortStr {
    fn eq(&self, other: &&str) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl PartialEq<String> for ShortStr {
    fn eq(&self, other: &String) -> bool {
        self.bytes() == other.as_bytes()
    }
}

impl PartialEq<ShortStr> for str {
    fn eq(&self, other: &ShortStr) -> bool {
        self.as_bytes() == other.bytes()
    }
}

impl PartialEq<ShortStr> for &str {
    fn eq(&self, other: &ShortStr) -> bool {
        self.as_bytes() == other.bytes()
    }
}

impl PartialEq<ShortStr> for String {
    fn eq(&self, other: &ShortStr) -> bool {
        self.as_bytes() == other.bytes()
    }
}

impl PartialOrd for ShortStr {
    fn partial_cmp(&self, other: &ShortStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ShortStr {
    fn cmp(&self, other: &ShortStr) -> std::cmp::Ordering {
        self.bytes().cmp(other.bytes())
    }
}

/// Hashes as the `str` it holds, so that maps keyed by it can be searched with a `&str`:
/// `str` hashes by `Hasher::write_str`, which (a hasher cannot override it on stable Rust)
/// writes the bytes and then `0xff`. Written out here so that hashing a key does not check
/// its bytes are UTF-8 again ([`ShortStr::as_str`]).
impl Hash for ShortStr {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write(self.bytes());
        state.write_u8(0xff);
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
        assert!(matches!(unit.0, Repr::Inline { .. }));
        let seven = ShortStr::from("达到预期目标啊");
        assert_eq!(seven.len(), 21);
        assert!(matches!(seven.0, Repr::Inline { .. }));
        let long = ShortStr::from("已按要求完成全部工作任务");
        assert!(matches!(long.0, Repr::Shared(_)));
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
