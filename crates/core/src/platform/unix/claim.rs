//! The session lock that has no file (see `storage::lock`): on Linux an abstract socket
//! named after the session; elsewhere the lock file alone guards the session.

#[cfg(target_os = "linux")]
pub use linux::*;
#[cfg(not(target_os = "linux"))]
pub use other::*;

#[cfg(target_os = "linux")]
mod linux {
    use std::io;
    use std::os::linux::net::SocketAddrExt as _;
    use std::os::unix::fs::MetadataExt as _;
    use std::os::unix::net::{SocketAddr, UnixListener, UnixStream};
    use std::path::Path;

    #[derive(Debug)]
    pub struct Claim(#[allow(dead_code)] UnixListener);

    /// `kiroku:<device>:<inode>:<hash of the name>` of the session's folder and file name:
    /// the same however the session's path is written.
    fn address(session: &Path) -> io::Result<SocketAddr> {
        let dir = match session.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let meta = std::fs::metadata(dir)?;
        let name = session.file_name().unwrap_or_default();
        let hash = crate::hash::fnv1a(name.as_encoded_bytes());
        let id = format!("kiroku:{:x}:{:x}:{hash:016x}", meta.dev(), meta.ino());
        SocketAddr::from_abstract_name(id.as_bytes())
    }

    /// Takes the claim; `None` if a live process holds it.
    pub fn take(session: &Path) -> io::Result<Option<Claim>> {
        match UnixListener::bind_addr(&address(session)?) {
            Ok(l) => Ok(Some(Claim(l))),
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Does a live process hold the claim?
    pub fn held(session: &Path) -> bool {
        address(session).is_ok_and(|a| UnixStream::connect_addr(&a).is_ok())
    }
}

#[cfg(not(target_os = "linux"))]
mod other {
    use std::io;
    use std::path::Path;

    #[derive(Debug)]
    pub struct Claim;

    pub fn take(_: &Path) -> io::Result<Option<Claim>> {
        Ok(Some(Claim))
    }

    pub fn held(_: &Path) -> bool {
        false
    }
}
