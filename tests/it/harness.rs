//! Runs the binary and reads what it wrote.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root, where `seeds/` and `gazetteer/` are.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A seed article's path.
pub fn seed(name: &str) -> PathBuf {
    root().join("seeds").join(name)
}

/// The compiled-gazetteer cache the tests share: under the build's
/// directory, not the user's, and used by every run as a user's run uses its
/// own (so every test also checks that a cached gazetteer gives what the
/// files give).
pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gazetteer-cache")
}

/// Runs `actorgraph` with arguments, from the repository root, with an empty
/// standard input (a pipe closed at once, so the run never depends on what
/// `/dev/null` holds).
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .current_dir(root())
        .env("ACTORGRAPH_CACHE_DIR", cache_dir())
        .stdin(Stdio::piped())
        .output()
        .expect("the binary runs")
}

/// Runs and asserts success; returns stdout.
pub fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(
        out.status.success(),
        "actorgraph {args:?} failed with {:?}\nstderr: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("stdout is UTF-8")
}

/// Runs and returns (exit code, stdout, stderr).
pub fn code(args: &[&str]) -> (i32, String, String) {
    let out = run(args);
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A path as a &str argument.
pub fn arg(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

/// Runs with a deadline: a run that has not ended after `secs` seconds is
/// killed and the test fails (for inputs that once made the binary hang).
pub fn code_within(args: &[&str], secs: u64) -> (i32, String, String) {
    use std::io::Read;
    use std::time::{Duration, Instant};
    let mut child = Command::new(env!("CARGO_BIN_EXE_actorgraph"))
        .args(args)
        .current_dir(root())
        .env("ACTORGRAPH_CACHE_DIR", cache_dir())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Read both pipes on threads, so a full pipe never stalls the child.
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + Duration::from_secs(secs);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("actorgraph {args:?} did not end within {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    (
        status.code().unwrap_or(-1),
        out.join().expect("stdout reader"),
        err.join().expect("stderr reader"),
    )
}
