//! The compiled gazetteer cache: a loaded gazetteer and its name matcher,
//! written once to a file named by the gazetteer's key and loaded by mapping
//! that file, instead of parsing, normalizing and indexing every name again.
//! Its big tables (the entities and their ids, the names, the matcher's
//! words and trie) are read where they lie in the mapping; the rest (the
//! problems, the sources, the context) is decoded.
//!
//! The key is a 128-bit checksum of the program (format number, version, and
//! the executable's size and modification time, so that a rebuilt program
//! never reads an older one's file) and of every source in order: its name as
//! given, and the name, size and contents of each file it reads. Editing a
//! gazetteer file changes its key, so the edited gazetteer is compiled anew;
//! files of other keys stay (another gazetteer may use them) and may be
//! deleted at any time.
//!
//! A file is used only if its header (magic, format, key, payload length)
//! and the checksum of its payload agree and its tables have the sizes they
//! say; anything else is damaged, and is rebuilt and replaced. The checksum
//! covers every byte: it is read a block at a time, so it costs a pass over
//! the file (a few hundredths of a second for the 264 MB of the 1.1M-alias
//! list) but no memory. Every read of a table is bounded, so a file damaged
//! in a way the checksum missed yields wrong names, never a crash. A
//! file is written under a temporary name and renamed into place, so two
//! processes compiling the same gazetteer at once leave one whole file.
//!
//! Where: `$ACTORGRAPH_CACHE_DIR`, else `$XDG_CACHE_HOME/actorgraph`, else
//! `$HOME/.cache/actorgraph`.

use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Gazetteer;
use super::load::{self, BUILTIN, Source};
use super::titles;
use crate::codec::{Blob, Checksum, Corrupt, Decoder, Encoder, checksum};
use crate::error::Error;
use crate::graph::store::mapped::FileBytes;
use crate::matcher::Matcher;

/// The environment variable that names the cache directory.
pub const CACHE_DIR_ENV: &str = "ACTORGRAPH_CACHE_DIR";

/// The first bytes of a compiled gazetteer.
const MAGIC: &[u8; 8] = b"AGGAZET\0";

/// The number of this file format; a change of any encoded type bumps it.
const FORMAT: u32 = 5;

/// Bytes before the payload: magic, format, key, payload length, checksum.
const HEADER: usize = 8 + 4 + 16 + 8 + 16;

/// A directory of compiled gazetteers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
}

/// What loading through the cache did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheUse {
    /// The compiled file was loaded.
    Hit(PathBuf),
    /// There was none: the gazetteer was loaded from its files and compiled.
    Written(PathBuf),
    /// The file was damaged (the reason): rebuilt and replaced.
    Rebuilt(PathBuf, String),
    /// The gazetteer was loaded from its files, but the compiled file could
    /// not be written (a read-only directory, a full disk: the reason).
    NotWritten(PathBuf, String),
}

impl Cache {
    /// The cache in `dir`.
    pub fn at(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// The user's cache: `$ACTORGRAPH_CACHE_DIR` (empty: no cache), else
    /// `$XDG_CACHE_HOME/actorgraph`, else `$HOME/.cache/actorgraph`; `None`
    /// when none of them is set.
    pub fn from_env() -> Option<Cache> {
        let var = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        if let Some(dir) = std::env::var_os(CACHE_DIR_ENV) {
            return (!dir.is_empty()).then(|| Cache::at(dir));
        }
        if let Some(xdg) = var("XDG_CACHE_HOME").map(PathBuf::from)
            && xdg.is_absolute()
        {
            return Some(Cache::at(xdg.join("actorgraph")));
        }
        var("HOME").map(|home| Cache::at(PathBuf::from(home).join(".cache").join("actorgraph")))
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file that holds, or would hold, the compiled form of `sources`.
    pub fn path_for(&self, sources: &[Source]) -> crate::Result<PathBuf> {
        let key = key(sources, &program_identity())?;
        Ok(self.file_of(key))
    }

    fn file_of(&self, key: [u64; 2]) -> PathBuf {
        self.dir
            .join(format!("gazetteer-{:016x}{:016x}.bin", key[0], key[1]))
    }

    /// Loads `sources` from their compiled file, or from the files
    /// themselves, then writing the compiled file. Errors in the sources are
    /// errors, as without a cache; a cache that cannot be written is not.
    pub fn load(&self, sources: &[Source]) -> crate::Result<(Gazetteer, CacheUse)> {
        let key = key(sources, &program_identity())?;
        let path = self.file_of(key);
        let damage = match read(&path, key) {
            Ok(Some(gazetteer)) => return Ok((gazetteer, CacheUse::Hit(path))),
            Ok(None) => None,
            Err(Corrupt(why)) => Some(why),
        };
        let gazetteer = Gazetteer::load(sources)?;
        let outcome = match write(&path, key, &gazetteer) {
            Err(e) => CacheUse::NotWritten(path, e.to_string()),
            Ok(()) => match damage {
                Some(why) => CacheUse::Rebuilt(path, why),
                None => CacheUse::Written(path),
            },
        };
        Ok((gazetteer, outcome))
    }

    /// Loads `sources` from their files and writes their compiled file,
    /// replacing any; returns the file's path.
    pub fn compile(&self, sources: &[Source]) -> crate::Result<(Gazetteer, PathBuf)> {
        let key = key(sources, &program_identity())?;
        let path = self.file_of(key);
        let gazetteer = Gazetteer::load(sources)?;
        write(&path, key, &gazetteer)?;
        Ok((gazetteer, path))
    }
}

/// What identifies this build of the program: a file written by another
/// build, even of the same version, is not trusted.
fn program_identity() -> Vec<u8> {
    let mut id = format!("actorgraph {} format {FORMAT}", env!("CARGO_PKG_VERSION")).into_bytes();
    if let Some(meta) = std::env::current_exe()
        .ok()
        .and_then(|p| fs::metadata(p).ok())
    {
        id.extend_from_slice(&meta.len().to_le_bytes());
        let modified = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos());
        id.extend_from_slice(&modified.to_le_bytes());
    }
    id
}

/// The key of `sources` for the program `identity`.
fn key(sources: &[Source], identity: &[u8]) -> crate::Result<[u64; 2]> {
    let mut material = Encoder::default();
    material.bytes(identity);
    for source in sources {
        match source {
            Source::Builtin => {
                material.bytes(b"builtin");
                for (name, text) in BUILTIN {
                    material.bytes(name.as_bytes());
                    material.u64(checksum(text.as_bytes())[0]);
                }
                material.u64(checksum(titles::BUILTIN.as_bytes())[0]);
            }
            Source::Path(path) => {
                material.bytes(path.as_os_str().as_encoded_bytes());
                for file in load::files_of(path)? {
                    let (len, sum) = file_sum(&file)?;
                    material.bytes(file.as_os_str().as_encoded_bytes());
                    material.len(len);
                    material.u64(sum[0]);
                    material.u64(sum[1]);
                }
            }
        }
    }
    Ok(checksum(&material.buf))
}

/// The length and checksum of a source file, read a block at a time (a
/// bulk list of tens of megabytes is read on every start, to key its
/// compiled file, and needs no buffer of its size).
fn file_sum(path: &Path) -> crate::Result<(usize, [u64; 2])> {
    let mut file = fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut block = vec![0u8; 1 << 20];
    let mut sum = Checksum::default();
    let mut len = 0;
    loop {
        match file.read(&mut block) {
            Ok(0) => return Ok((len, sum.finish())),
            Ok(n) => {
                len += n;
                sum.add(&block[..n]);
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(Error::io(path, e)),
        }
    }
}

/// The gazetteer compiled in `path` for `key`: `Ok(None)` when there is no
/// file, an error when there is one but it is damaged. The file is checked
/// whole first (header, length, checksum), then mapped; its big tables are
/// read where they lie (see `stored.rs` and the matcher's `encode.rs`).
fn read(path: &Path, key: [u64; 2]) -> Result<Option<Gazetteer>, Corrupt> {
    let mut file = match fs::File::open(path) {
        Ok(file) => file,
        Err(_) => return Ok(None),
    };
    check(&mut file, key)?;
    let cannot = |e: std::io::Error| Corrupt::new(format!("cannot read it: {e}"));
    file.seek(SeekFrom::Start(0)).map_err(cannot)?;
    let bytes = Blob::new(FileBytes::of(file).map_err(cannot)?);
    let payload = bytes.part(HEADER, bytes.bytes().len().saturating_sub(HEADER))?;
    let mut d = Decoder::new(payload.bytes());
    let gazetteer = Gazetteer::decode(&mut d, &payload)?;
    let matcher = Matcher::decode(&mut d, &payload, &gazetteer)?;
    if !d.at_end() {
        return Err(Corrupt::new("bytes are left after the gazetteer"));
    }
    gazetteer.set_matcher(Arc::new(matcher));
    Ok(Some(gazetteer))
}

/// Checks that a compiled file is whole: its header, then its payload's
/// length and checksum. The payload is read a block at a time, not mapped,
/// so that checking a file of hundreds of megabytes neither allocates its
/// size nor counts its pages in the process's memory: only the pages that
/// a run then reads through the mapping do.
fn check(file: &mut impl Read, key: [u64; 2]) -> Result<(), Corrupt> {
    let mut header = [0u8; HEADER];
    file.read_exact(&mut header)
        .map_err(|_| Corrupt::new("the file is too short"))?;
    let (len, sum) = check_header(&header, key)?;
    let mut block = vec![0u8; 1 << 20];
    let mut checksum = Checksum::default();
    let mut read = 0u64;
    loop {
        let n = match file.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(Corrupt::new(format!("cannot read it: {e}"))),
        };
        read += n as u64;
        if read > len {
            break;
        }
        checksum.add(&block[..n]);
    }
    if read != len {
        return Err(Corrupt::new("truncated or extended"));
    }
    if checksum.finish() != sum {
        return Err(Corrupt::new("its checksum does not match"));
    }
    Ok(())
}

/// The payload's length and checksum that a header gives, once it says the
/// file is a compiled gazetteer of this format for `key`.
fn check_header(header: &[u8; HEADER], key: [u64; 2]) -> Result<(u64, [u64; 2]), Corrupt> {
    let mut h = Decoder::new(header);
    if h.take(8)? != MAGIC {
        return Err(Corrupt::new("not a compiled gazetteer"));
    }
    if h.u32()? != FORMAT {
        return Err(Corrupt::new("written in another format"));
    }
    if [h.u64()?, h.u64()?] != key {
        return Err(Corrupt::new("compiled for other sources"));
    }
    let len = h.u64()?;
    Ok((len, [h.u64()?, h.u64()?]))
}

/// Writes the compiled file of `gazetteer` (matcher included) atomically.
fn write(path: &Path, key: [u64; 2], gazetteer: &Gazetteer) -> crate::Result<()> {
    let matcher = gazetteer.matcher()?;
    let mut payload = Encoder::default();
    gazetteer.encode(&mut payload);
    matcher.encode(&mut payload);
    let mut header = Encoder::default();
    header.buf.extend_from_slice(MAGIC);
    header.u32(FORMAT);
    header.u64(key[0]);
    header.u64(key[1]);
    header.len(payload.buf.len());
    let sum = checksum(&payload.buf);
    header.u64(sum[0]);
    header.u64(sum[1]);
    crate::export::write_atomic(path, |out| {
        out.write_all(&header.buf)?;
        out.write_all(&payload.buf)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn news_like(dir: &Path) -> PathBuf {
        let file = dir.join("list.tsv");
        fs::write(
            &file,
            "id\ttype\tname\nx:1\tplace\tHalab\nx:1\tplace\tAleppo\nx:2\tgroup\tNATO\n",
        )
        .unwrap();
        file
    }

    #[test]
    fn a_cached_gazetteer_is_the_loaded_one() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("cache"));
        let sources = [Source::Builtin, Source::Path(news_like(tmp.path()))];
        let (first, used) = cache.load(&sources).unwrap();
        assert!(matches!(used, CacheUse::Written(_)), "{used:?}");
        let (second, used) = cache.load(&sources).unwrap();
        assert!(matches!(used, CacheUse::Hit(_)), "{used:?}");
        assert_eq!(second.entities(), first.entities());
        assert_eq!(second.names.map(), first.names.map());
        assert_eq!(second.problems, first.problems);
        assert_eq!(second.fingerprint(), first.fingerprint());
        assert_eq!(
            second.lookup("aleppo")[0].entity,
            first.lookup("Aleppo")[0].entity
        );
        // The mapped tables find what the built ones find, and ids resolve.
        let text = "NATO met in Halab, also called Aleppo, with Iraq's prime minister.";
        let options = crate::matcher::MatchOptions::default();
        let found = first.matcher().unwrap().find(text, options);
        assert!(found.len() >= 3, "{found:?}");
        assert_eq!(second.matcher().unwrap().find(text, options), found);
        for m in &found {
            let id = &first.entity(m.entity).id;
            assert_eq!(second.entity_by_id(id), Some(m.entity));
            assert_eq!(second.entity(m.entity), first.entity(m.entity));
        }
    }

    #[test]
    fn an_edited_source_or_another_program_has_another_key() {
        let tmp = tempfile::tempdir().unwrap();
        let file = news_like(tmp.path());
        let sources = [Source::Path(file.clone())];
        let before = key(&sources, b"v1").unwrap();
        assert_eq!(key(&sources, b"v1").unwrap(), before);
        assert_ne!(key(&sources, b"v2").unwrap(), before);
        let text = fs::read_to_string(&file).unwrap();
        fs::write(&file, text.replace("Halab", "Halab2")).unwrap();
        assert_ne!(key(&sources, b"v1").unwrap(), before);
        // The same file named another way writes other locations in the
        // entities, so it is another key too.
        let other = [Source::Path(tmp.path().join(".").join("list.tsv"))];
        assert_ne!(key(&other, b"v1").unwrap(), key(&sources, b"v1").unwrap());
    }

    #[test]
    fn a_damaged_file_is_refused_then_rebuilt() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path());
        let sources = [Source::Path(news_like(tmp.path()))];
        let (good, _) = cache.load(&sources).unwrap();
        let path = cache.path_for(&sources).unwrap();
        let bytes = fs::read(&path).unwrap();
        let k = key(&sources, &program_identity()).unwrap();
        // Every truncation, and a flipped byte anywhere (header or payload).
        let step = (bytes.len() / 97).max(1);
        for cut in (0..bytes.len()).step_by(step) {
            assert!(check(&mut &bytes[..cut], k).is_err(), "cut at {cut}");
            let mut flipped = bytes.clone();
            flipped[cut] ^= 0x20;
            fs::write(&path, &flipped).unwrap();
            assert!(read(&path, k).is_err(), "flip at {cut}");
        }
        fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
        let (again, used) = cache.load(&sources).unwrap();
        assert!(matches!(used, CacheUse::Rebuilt(..)), "{used:?}");
        assert_eq!(again.entities(), good.entities());
        assert_eq!(fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn concurrent_creators_leave_one_whole_file() {
        let tmp = tempfile::tempdir().unwrap();
        let cache = Cache::at(tmp.path().join("c"));
        let sources = [Source::Builtin];
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| cache.load(&sources).unwrap());
            }
        });
        let files: Vec<_> = fs::read_dir(cache.dir()).unwrap().collect();
        assert_eq!(files.len(), 1, "{files:?}");
        let (_, used) = cache.load(&sources).unwrap();
        assert!(matches!(used, CacheUse::Hit(_)), "{used:?}");
    }

    #[test]
    fn an_unwritable_cache_still_loads() {
        let tmp = tempfile::tempdir().unwrap();
        let blocker = tmp.path().join("file");
        fs::write(&blocker, "not a directory").unwrap();
        let cache = Cache::at(blocker.join("cache"));
        let (g, used) = cache.load(&[Source::Builtin]).unwrap();
        assert!(matches!(used, CacheUse::NotWritten(..)), "{used:?}");
        assert!(g.entity_by_id("iraq").is_some());
    }
}
