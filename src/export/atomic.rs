//! Writing output files so that a failed or interrupted run never leaves half
//! a file where a good one stood, and never replaces what is not a file.
//!
//! - A regular file (or a path that does not exist yet) is written under a
//!   temporary name beside it, `.actorgraph-<pid>-<random>.tmp`, and renamed
//!   into place; files that belong together (csv's `nodes.csv` and
//!   `edges.csv`) are all written before any is renamed.
//! - A symbolic link is followed: its target is what gets written, and the
//!   link stays.
//! - Anything else (a device such as `/dev/null` or `/dev/full`, a FIFO, a
//!   socket) is written to directly: renaming over it would replace the device
//!   with a plain file.
//! - Temporary files are registered while they exist, so that a signal
//!   handler can remove them ([`remove_temporaries`]); one left behind by a
//!   process that was killed outright is removed by the next write into the
//!   same directory, once no process of its number runs.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::error::{Error, Result};

/// The temporary files that exist now, for [`remove_temporaries`].
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// How many symbolic links are followed before giving up (as Linux does).
const MAX_LINKS: usize = 40;

/// Fills a writer with one file's content.
pub type Fill<'a> = Box<dyn FnOnce(&mut dyn Write) -> io::Result<()> + 'a>;

/// Writes a file atomically: `write` fills a temporary file in the same
/// directory (created if missing; buffered), which is then flushed, synced and
/// renamed to `path`. On any error the temporary file is removed and `path` is
/// untouched; the error names `path`. A symbolic link is followed; a device,
/// FIFO or socket is written to directly (see the module docs).
///
/// ```
/// use std::io::Write;
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("hello.txt");
/// actorgraph::export::write_atomic(&path, |out| out.write_all(b"hello\n")).unwrap();
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "hello\n");
/// ```
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<()> {
    write_all_atomic(vec![(path.to_path_buf(), Box::new(write))])
}

/// Writes several files that belong together: every one is written in full
/// before the first is renamed into place, so an error (a full disk, say)
/// leaves all of the old files, never a new one beside an old one.
pub fn write_all_atomic(files: Vec<(PathBuf, Fill<'_>)>) -> Result<()> {
    let mut ready: Vec<(Temporary, PathBuf)> = Vec::new();
    for (path, fill) in files {
        match target(&path)? {
            Target::Stream(device) => stream(&device, fill).map_err(|e| Error::io(&path, e))?,
            Target::Replace(real) => {
                let temporary = Temporary::create(&real).map_err(|e| Error::io(&path, e))?;
                temporary.fill(fill).map_err(|e| Error::io(&path, e))?;
                ready.push((temporary, real));
            }
        }
    }
    for (temporary, real) in ready {
        temporary.persist(&real).map_err(|e| Error::io(&real, e))?;
    }
    Ok(())
}

/// A file written in full under its temporary name (or straight to a
/// device), not yet in place: [`Staged::sync`] makes its bytes durable
/// (from any thread), [`Staged::commit`] syncs if need be and renames it
/// into place. Dropped uncommitted, the temporary file is removed and the
/// path keeps what it had. Several outputs that belong together are staged
/// first, synced at once, then committed in turn.
pub struct Staged {
    /// None for a device, FIFO or socket, written to directly.
    temporary: Option<(Temporary, PathBuf)>,
    path: PathBuf,
    synced: std::sync::atomic::AtomicBool,
}

/// Writes `path`'s new content under a temporary name beside it (see
/// [`write_atomic`], which this is without the sync and the rename).
pub fn stage(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> Result<Staged> {
    let temporary = match target(path)? {
        Target::Stream(device) => {
            stream(&device, Box::new(write)).map_err(|e| Error::io(path, e))?;
            None
        }
        Target::Replace(real) => {
            let temporary = Temporary::create(&real).map_err(|e| Error::io(path, e))?;
            temporary
                .write(Box::new(write))
                .map_err(|e| Error::io(path, e))?;
            Some((temporary, real))
        }
    };
    Ok(Staged {
        temporary,
        path: path.to_path_buf(),
        synced: std::sync::atomic::AtomicBool::new(false),
    })
}

impl Staged {
    /// The file as written, under its temporary name (None for a device):
    /// the same file, inode and modification time that the path will name.
    pub fn file(&self) -> Option<&File> {
        self.temporary.as_ref().map(|(t, _)| t.file())
    }

    /// Makes the file's bytes durable.
    pub fn sync(&self) -> Result<()> {
        if let Some(file) = self.file() {
            file.sync_all().map_err(|e| Error::io(&self.path, e))?;
        }
        self.synced
            .store(true, std::sync::atomic::Ordering::Release);
        Ok(())
    }

    /// Syncs (unless done) and renames the file into place.
    pub fn commit(self) -> Result<()> {
        if !self.synced.load(std::sync::atomic::Ordering::Acquire) {
            self.sync()?;
        }
        if let Some((temporary, real)) = self.temporary {
            temporary.persist(&real).map_err(|e| Error::io(&real, e))?;
        }
        Ok(())
    }
}

/// Removes the temporary files that exist now. For a signal handler: it
/// takes no allocation beyond the removal's own.
pub fn remove_temporaries() {
    // A poisoned lock still holds the list: a panic elsewhere must not keep
    // the files.
    let list = TEMPORARIES.lock().unwrap_or_else(|p| p.into_inner());
    for path in list.iter() {
        let _ = fs::remove_file(path);
    }
}

/// What writing to a path means.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// A regular file or nothing yet, at this real path (links followed):
    /// write beside it and rename.
    Replace(PathBuf),
    /// A device, FIFO or socket: write to it.
    Stream(PathBuf),
}

fn target(path: &Path) -> Result<Target> {
    let real = follow_links(path).map_err(|e| Error::io(path, e))?;
    match fs::metadata(&real) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Target::Replace(real)),
        Err(e) => Err(Error::io(path, e)),
        Ok(m) if m.is_dir() => Err(Error::io(
            path,
            io::Error::other("is a directory; name a file to write"),
        )),
        Ok(m) if m.is_file() => Ok(Target::Replace(real)),
        Ok(_) => Ok(Target::Stream(real)),
    }
}

/// The path a chain of symbolic links leads to, even when the last one points
/// at nothing yet (a dangling link is written through, creating its target).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let next = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if next.is_relative() => dir.join(next),
                    _ => next,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn stream(path: &Path, fill: Fill<'_>) -> io::Result<()> {
    let file = OpenOptions::new().write(true).open(path)?;
    let mut out = BufWriter::with_capacity(1 << 16, file);
    fill(&mut out)?;
    out.flush()
}

/// A temporary file beside its target, registered for [`remove_temporaries`]
/// and removed on drop unless persisted.
struct Temporary {
    file: Option<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl Temporary {
    fn create(target: &Path) -> io::Result<Temporary> {
        let dir = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir)?;
        remove_stale(dir);
        let prefix = temp_prefix(std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(".tmp");
        // An ordinary new file's permissions: tempfile's default, 0600,
        // would make outputs private.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let file = builder.tempfile_in(dir)?;
        let path = file.path().to_path_buf();
        register(&path);
        Ok(Temporary {
            file: Some(file),
            path,
        })
    }

    fn file(&self) -> &File {
        self.file.as_ref().expect("not yet persisted").as_file()
    }

    /// Writes the content, not synced.
    fn write(&self, fill: Fill<'_>) -> io::Result<()> {
        let mut out = BufWriter::with_capacity(1 << 16, self.file());
        fill(&mut out)?;
        out.flush()
    }

    fn fill(&self, fill: Fill<'_>) -> io::Result<()> {
        self.write(fill)?;
        self.file().sync_all()
    }

    fn persist(mut self, target: &Path) -> io::Result<()> {
        let file = self.file.take().expect("persisted once");
        let result = file.persist(target).map(drop).map_err(|e| e.error);
        unregister(&self.path);
        result
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            unregister(&self.path);
        }
    }
}

fn register(path: &Path) {
    let mut list = TEMPORARIES.lock().unwrap_or_else(|p| p.into_inner());
    list.push(path.to_path_buf());
}

fn unregister(path: &Path) {
    let mut list = TEMPORARIES.lock().unwrap_or_else(|p| p.into_inner());
    list.retain(|p| p != path);
}

/// The start of a temporary file's name: hidden, and saying which process
/// made it.
fn temp_prefix(pid: u32) -> String {
    format!(".actorgraph-{pid}-")
}

/// The process number in a temporary file's name, if it is one of ours.
fn temp_owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(".actorgraph-")?.strip_suffix(".tmp")?;
    let (pid, random) = rest.split_once('-')?;
    (!random.is_empty() && random.bytes().all(|b| b.is_ascii_alphanumeric()))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Removes temporary files of ours in `dir` whose process no longer runs
/// (killed before it could clean up). Only where the system says which
/// processes run (`/proc`); a number that runs again keeps its files, which is
/// safe.
fn remove_stale(dir: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(temp_owner) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && !proc.join(pid.to_string()).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn leaves_the_old_file_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("graph.dot");
        fs::write(&path, "old").unwrap();
        let err = write_atomic(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("interrupted"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("graph.dot: interrupted"), "{err}");
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(names(dir.path()), ["graph.dot"]);
        let registered = TEMPORARIES.lock().unwrap().clone();
        assert!(
            !registered.iter().any(|p| p.starts_with(dir.path())),
            "{registered:?}"
        );
    }

    #[test]
    fn files_that_belong_together_change_together() {
        let dir = tempfile::tempdir().unwrap();
        let (nodes, edges) = (dir.path().join("nodes.csv"), dir.path().join("edges.csv"));
        fs::write(&nodes, "old nodes").unwrap();
        fs::write(&edges, "old edges").unwrap();
        let err = write_all_atomic(vec![
            (
                nodes.clone(),
                Box::new(|out: &mut dyn Write| out.write_all(b"new nodes")),
            ),
            (
                edges.clone(),
                Box::new(|_: &mut dyn Write| Err(io::Error::other("No space left on device"))),
            ),
        ])
        .unwrap_err();
        assert!(err.to_string().contains("edges.csv"), "{err}");
        assert_eq!(fs::read_to_string(&nodes).unwrap(), "old nodes");
        assert_eq!(fs::read_to_string(&edges).unwrap(), "old edges");
        assert_eq!(names(dir.path()), ["edges.csv", "nodes.csv"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_is_followed_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("sub").join("real.json");
        fs::create_dir(dir.path().join("sub")).unwrap();
        fs::write(&real, "old").unwrap();
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink("sub/real.json", &link).unwrap();
        write_atomic(&link, |out| out.write_all(b"new")).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        // A dangling link creates its target.
        let dangling = dir.path().join("dangling.json");
        std::os::unix::fs::symlink("sub/new.json", &dangling).unwrap();
        write_atomic(&dangling, |out| out.write_all(b"made")).unwrap();
        assert_eq!(
            fs::read_to_string(dir.path().join("sub/new.json")).unwrap(),
            "made"
        );
        assert!(
            fs::symlink_metadata(&dangling)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        // A loop is an error, not a hang.
        let a = dir.path().join("a");
        std::os::unix::fs::symlink("b", &a).unwrap();
        std::os::unix::fs::symlink("a", dir.path().join("b")).unwrap();
        let err = write_atomic(&a, |out| out.write_all(b"x")).unwrap_err();
        assert!(err.to_string().contains("symbolic links"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_written_to_not_replaced() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        if fs::metadata(null).is_ok_and(|m| m.file_type().is_char_device()) {
            write_atomic(null, |out| out.write_all(b"gone")).unwrap();
            assert!(fs::metadata(null).unwrap().file_type().is_char_device());
        }
        let full = Path::new("/dev/full");
        if fs::metadata(full).is_ok_and(|m| m.file_type().is_char_device()) {
            let err = write_atomic(full, |out| out.write_all(&[b'x'; 1 << 17])).unwrap_err();
            assert!(err.to_string().starts_with("/dev/full: "), "{err}");
            assert!(fs::metadata(full).unwrap().file_type().is_char_device());
        }
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return;
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
        };
        write_atomic(&fifo, |out| out.write_all(b"through the pipe")).unwrap();
        assert_eq!(reader.join().unwrap(), "through the pipe");
        assert!(fs::metadata(&fifo).unwrap().file_type().is_fifo());
        assert_eq!(names(dir.path()), ["fifo"]);
    }

    #[test]
    fn a_directory_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(dir.path(), |out| out.write_all(b"x")).unwrap_err();
        assert!(err.to_string().contains("is a directory"), "{err}");
    }

    #[test]
    fn temporary_names_say_their_process() {
        assert_eq!(temp_owner(".actorgraph-4242-AbC9x1.tmp"), Some(4242));
        for not_ours in [
            ".actorgraph-AbC9x1.tmp",
            ".actorgraph-12-.tmp",
            "actorgraph-12-ab.tmp",
            ".actorgraph-12-ab.json",
            ".actorgraph-x1-ab.tmp",
        ] {
            assert_eq!(temp_owner(not_ours), None, "{not_ours}");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn stale_temporaries_of_dead_processes_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        // No process has a number this high (pid_max is at most 2^22).
        let dead = dir.path().join(".actorgraph-99999999-zzz.tmp");
        let alive = dir
            .path()
            .join(format!(".actorgraph-{}-zzz.tmp", std::process::id()));
        let other = dir.path().join(".actorgraph-notes.tmp");
        for p in [&dead, &alive, &other] {
            fs::write(p, "x").unwrap();
        }
        write_atomic(&dir.path().join("graph.json"), |out| out.write_all(b"{}")).unwrap();
        let left = names(dir.path());
        assert!(
            !left.contains(&".actorgraph-99999999-zzz.tmp".to_string()),
            "{left:?}"
        );
        assert!(left.contains(&format!(".actorgraph-{}-zzz.tmp", std::process::id())));
        assert!(left.contains(&".actorgraph-notes.tmp".to_string()));
    }
}
