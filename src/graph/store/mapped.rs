//! A graph file's bytes, mapped into memory where the system can and read
//! otherwise. A query of a big graph spends most of its time faulting in
//! memory: reading a 400 MB file copies it into 400 MB of fresh pages that
//! the kernel first fills with zeros, while a read-only mapping shares the
//! pages the kernel already holds in its cache.
//!
//! A mapped file must not shrink while it is read (the process would be
//! killed by SIGBUS). `build` and `export` never do that to a file: they
//! write a new file and rename it into place, which leaves a mapped one
//! whole.

use std::fs::File;
use std::ops::Deref;

/// The bytes of a file.
pub(crate) enum FileBytes {
    /// Mapped read-only (Unix).
    #[cfg(unix)]
    Mapped {
        address: *mut libc::c_void,
        len: usize,
    },
    /// Read into memory (empty files, other systems, or a failed mapping).
    Read(Vec<u8>),
}

// SAFETY: a mapping is read-only (PROT_READ) and never written through, so
// its bytes may be read from any thread, and unmapped from any thread once.
#[cfg(unix)]
unsafe impl Send for FileBytes {}
// SAFETY: see `Send`: shared references only read.
#[cfg(unix)]
unsafe impl Sync for FileBytes {}

impl FileBytes {
    /// The file's bytes.
    pub fn of(mut file: File) -> std::io::Result<FileBytes> {
        #[cfg(unix)]
        if let Some(mapped) = map(&file) {
            return Ok(mapped);
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut file, &mut bytes)?;
        Ok(FileBytes::Read(bytes))
    }
}

#[cfg(unix)]
fn map(file: &File) -> Option<FileBytes> {
    use std::os::unix::io::AsRawFd;
    let meta = file.metadata().ok()?;
    let len = usize::try_from(meta.len()).ok()?;
    if len == 0 || !meta.is_file() {
        return None;
    }
    // SAFETY: a read-only, private mapping of a regular file, of its whole
    // length, checked for failure; it lives as long as `FileBytes` and is
    // unmapped once, in `drop`.
    let address = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ,
            libc::MAP_PRIVATE,
            file.as_raw_fd(),
            0,
        )
    };
    (address != libc::MAP_FAILED).then_some(FileBytes::Mapped { address, len })
}

impl Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            // SAFETY: `len` readable bytes at `address`, mapped until drop.
            #[cfg(unix)]
            FileBytes::Mapped { address, len } => unsafe {
                std::slice::from_raw_parts(*address as *const u8, *len)
            },
            FileBytes::Read(bytes) => bytes,
        }
    }
}

impl Drop for FileBytes {
    fn drop(&mut self) {
        #[cfg(unix)]
        if let FileBytes::Mapped { address, len } = *self {
            // SAFETY: the mapping made in `map`, unmapped once.
            unsafe { libc::munmap(address, len) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapped_and_read_bytes_are_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.json");
        std::fs::write(&path, "{\"nodes\": [], \"edges\": []}").unwrap();
        let bytes = FileBytes::of(File::open(&path).unwrap()).unwrap();
        assert_eq!(&*bytes, b"{\"nodes\": [], \"edges\": []}");
        #[cfg(unix)]
        assert!(matches!(bytes, FileBytes::Mapped { .. }));
        std::fs::write(&path, "").unwrap();
        let empty = FileBytes::of(File::open(&path).unwrap()).unwrap();
        assert!(empty.is_empty() && matches!(empty, FileBytes::Read(_)));
    }
}
