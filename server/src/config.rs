//! Spolu's configuration: command-line flags, each with an environment variable (`SPOLU_…`, and
//! `DATABASE_URL`) and a default that needs nothing set. `spolu --help` lists them.
use clap::{Parser, Subcommand, ValueEnum};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Clone, Parser)]
#[command(
    name = "spolu",
    version,
    about = "Spolu: proposals, talk and decisions for one housing estate"
)]
pub struct Config {
    /// Address and port to listen on.
    #[arg(long, env = "SPOLU_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,

    /// Database: `sqlite://…` or `postgres://…`. Default: `<data dir>/spolu.db`.
    #[arg(long, env = "DATABASE_URL", hide_env_values = true)]
    pub database_url: Option<String>,

    /// Database connections this instance keeps open at most. Default: 8 for SQLite, 20 for
    /// PostgreSQL (keep instances × connections under the server's `max_connections`).
    #[arg(long, env = "SPOLU_DATABASE_CONNECTIONS", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub database_connections: Option<u32>,

    /// Folder for the SQLite file and uploaded photos (`uploads/`).
    #[arg(long, env = "SPOLU_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Folder with the built browser bundle (`pkg/`, `bundle.txt`).
    #[arg(long, env = "SPOLU_SITE_DIR", default_value = "target/site")]
    pub site_dir: PathBuf,

    /// The address people use to reach Spolu, for links such as invite QR codes.
    /// Default: http://<bind>.
    #[arg(long, env = "SPOLU_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// Send cookies only over https. Default: on when the public URL is https.
    #[arg(long, env = "SPOLU_SECURE_COOKIES")]
    pub secure_cookies: Option<bool>,

    /// Language for visitors whose browser asks for none that Spolu has.
    #[arg(long, env = "SPOLU_DEFAULT_LANGUAGE", default_value = "cs")]
    pub default_language: String,

    /// New proposals wait for staff approval before others see them.
    #[arg(long, env = "SPOLU_PRE_MODERATION")]
    pub pre_moderation: bool,

    /// How many proposals one account may make in 24 hours.
    #[arg(long, env = "SPOLU_PROPOSALS_PER_DAY", default_value_t = 5)]
    pub proposals_per_day: u64,

    /// How many comments one account may write in an hour.
    #[arg(long, env = "SPOLU_COMMENTS_PER_HOUR", default_value_t = 30)]
    pub comments_per_hour: u64,

    /// The estate's time zone: decisions open and close at its local time.
    #[arg(long, env = "SPOLU_TIME_ZONE", default_value = "Europe/Prague")]
    pub time_zone: chrono_tz::Tz,

    /// The estate's name, shown in the header.
    #[arg(long, env = "SPOLU_ESTATE_NAME", default_value = "Janov")]
    pub estate_name: String,

    /// Seconds a client may take to send a request's headers, or to send the next part of its
    /// body, before the connection is closed (slow or idle clients would otherwise hold it
    /// forever). A phone on slow 3G still sends a part every second or so.
    #[arg(long, env = "SPOLU_SLOW_CLIENT_SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub slow_client_seconds: u64,

    /// Where uploaded photos are kept: `folder` (`<data dir>/uploads`, for one machine) or
    /// `database` (in the database itself, so that several instances on one PostgreSQL share
    /// them; photos already in the folder are taken in at start).
    #[arg(long, env = "SPOLU_PHOTO_STORE", value_enum, default_value_t = PhotoStore::Folder)]
    pub photo_store: PhotoStore,

    /// Serve Prometheus metrics at `/metrics` on this address (e.g. `127.0.0.1:9464`), apart
    /// from the site so a proxy never exposes them. Off unless set.
    #[arg(long, env = "SPOLU_METRICS_BIND")]
    pub metrics_bind: Option<SocketAddr>,

    /// Reverse proxies in front of Spolu (addresses or networks, comma-separated, e.g.
    /// `127.0.0.1`): their `X-Forwarded-For` names the client for the sign-in limits. Nobody
    /// else's is believed.
    #[arg(long = "trusted-proxy", env = "SPOLU_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_network)]
    pub trusted_proxies: Vec<ipnet::IpNet>,

    /// Push services phone notifications may be posted to (comma-separated; `*.` for a family
    /// of hosts). A browser names its own service when it subscribes; any other is refused, so
    /// Spolu never posts where a stranger points it. Default: Google, Mozilla, Apple, Microsoft.
    #[arg(
        long = "push-service",
        env = "SPOLU_PUSH_SERVICES",
        value_delimiter = ','
    )]
    pub push_services: Vec<app::server::infra::web_push::PushService>,

    /// Who runs this site, for the push services (`mailto:…` or an https address). Default: the
    /// public URL.
    #[arg(long, env = "SPOLU_PUSH_CONTACT")]
    pub push_contact: Option<String>,

    /// The night, in the estate's time, when phones stay silent: news waits until its end.
    /// `0-0` for never.
    #[arg(long, env = "SPOLU_QUIET_HOURS", default_value = "22-7")]
    pub quiet_hours: app::domain::QuietHours,

    /// For development: a folder where text messages are written (`outbox.txt`) instead of sent,
    /// while no SMS gateway is set up on `/admin`. It also makes Spolu offer text messages.
    #[arg(long, env = "SPOLU_SMS_OUTBOX")]
    pub sms_outbox: Option<std::path::PathBuf>,

    /// Fill an empty database with the demo estate (accounts dana, cyril, boris, eva, anna,
    /// filip; password `spolu-demo`), then serve. Running it again adds nothing twice.
    #[arg(long)]
    pub demo: bool,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Print new single-use invite codes and exit.
    Invite {
        #[arg(long, value_enum)]
        role: InviteRole,
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u32).range(1..=500))]
        count: u32,
    },
    /// Copy the SQLite database and the photos into a new folder, while Spolu runs.
    Backup {
        /// A new or empty folder.
        dir: PathBuf,
    },
    /// Put a backup made by `spolu backup` in place (stop Spolu first). What was there is moved
    /// to `before-restore-<time>/` in the data folder.
    Restore {
        /// The backup's folder.
        dir: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PhotoStore {
    Folder,
    Database,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InviteRole {
    Resident,
    Core,
    Staff,
    Admin,
}

/// An address (`127.0.0.1`) or a network (`10.0.0.0/8`).
fn parse_network(text: &str) -> Result<ipnet::IpNet, String> {
    let text = text.trim();
    text.parse::<ipnet::IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
        .map_err(|_| format!("{text:?} is not an address or a network like 10.0.0.0/8"))
}

impl Config {
    /// The configuration with every default and no flags (environment variables still apply).
    pub fn defaults() -> Self {
        Self::parse_from(["spolu"])
    }

    pub fn database_url(&self) -> String {
        self.database_url.clone().unwrap_or_else(|| {
            format!(
                "sqlite://{}?mode=rwc",
                self.data_dir.join("spolu.db").display()
            )
        })
    }

    pub fn public_url(&self, bound: SocketAddr) -> String {
        self.public_url
            .clone()
            .unwrap_or_else(|| format!("http://{bound}"))
            .trim_end_matches('/')
            .to_owned()
    }

    pub fn uploads_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_need_nothing_set() {
        let config = Config::parse_from(["spolu"]);
        assert_eq!(config.bind.to_string(), "127.0.0.1:3000");
        assert_eq!(config.database_url(), "sqlite://data/spolu.db?mode=rwc");
        assert_eq!(config.uploads_dir(), PathBuf::from("data/uploads"));
    }

    #[test]
    fn flags_override_defaults() {
        let config = Config::parse_from([
            "spolu",
            "--bind",
            "0.0.0.0:8080",
            "--public-url",
            "https://spolu.example/",
        ]);
        assert_eq!(config.bind.port(), 8080);
        assert_eq!(config.public_url(config.bind), "https://spolu.example");
    }

    #[test]
    fn invite_takes_a_role_and_a_count() {
        let config = Config::parse_from(["spolu", "invite", "--role", "core", "--count", "3"]);
        assert!(matches!(
            config.command,
            Some(Command::Invite {
                role: InviteRole::Core,
                count: 3
            })
        ));
    }
}
