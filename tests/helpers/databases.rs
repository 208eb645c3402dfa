//! Fresh databases for tests: a new SQLite file each time, and on PostgreSQL a new database.
use sea_orm::{ConnectionTrait, Database};

#[derive(Debug, Clone)]
pub enum TestDatabase {
    Sqlite {
        path: Option<std::path::PathBuf>,
    },
    Postgres {
        server_url: String,
        name: Option<String>,
    },
}

/// SQLite always; PostgreSQL as well when `SPOLU_TEST_POSTGRES_URL` names a server.
pub fn test_databases() -> Vec<TestDatabase> {
    let mut all = vec![TestDatabase::Sqlite { path: None }];
    if let Ok(url) = std::env::var("SPOLU_TEST_POSTGRES_URL")
        && !url.trim().is_empty()
    {
        all.push(TestDatabase::Postgres {
            server_url: url,
            name: None,
        });
    }
    all
}

impl TestDatabase {
    pub fn kind(&self) -> &'static str {
        match self {
            TestDatabase::Sqlite { .. } => "sqlite",
            TestDatabase::Postgres { .. } => "postgres",
        }
    }

    /// A new, empty database of the same kind; the server's migrations will fill it.
    pub async fn fresh(&self) -> TestDatabase {
        let suffix = super::random_suffix();
        match self {
            TestDatabase::Sqlite { .. } => TestDatabase::Sqlite {
                path: Some(std::env::temp_dir().join(format!("spolu-test-{suffix}.db"))),
            },
            TestDatabase::Postgres { server_url, .. } => {
                let name = format!("spolu_test_{suffix}");
                let admin = Database::connect(server_url.as_str())
                    .await
                    .expect("PostgreSQL from SPOLU_TEST_POSTGRES_URL answers");
                admin
                    .execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("test database created");
                admin.close().await.expect("closed");
                TestDatabase::Postgres {
                    server_url: server_url.clone(),
                    name: Some(name),
                }
            }
        }
    }

    pub fn url(&self) -> String {
        match self {
            TestDatabase::Sqlite { path } => format!(
                "sqlite://{}?mode=rwc",
                path.as_ref().expect("a fresh database").display()
            ),
            TestDatabase::Postgres { server_url, name } => {
                let name = name.as_deref().expect("a fresh database");
                let base = server_url
                    .rsplit_once('/')
                    .map_or(server_url.as_str(), |(b, _)| b);
                format!("{base}/{name}")
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match self {
            TestDatabase::Sqlite { path: Some(path) } => {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = path.as_os_str().to_owned();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
            }
            TestDatabase::Postgres {
                server_url,
                name: Some(name),
            } => {
                // Drop needs its own runtime: the test's may be shutting down.
                let (server_url, name) = (server_url.clone(), name.clone());
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build();
                    if let Ok(runtime) = runtime {
                        runtime.block_on(async {
                            if let Ok(admin) = Database::connect(server_url.as_str()).await {
                                let _ = admin
                                    .execute_unprepared(&format!(
                                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                                    ))
                                    .await;
                            }
                        });
                    }
                })
                .join();
            }
            _ => {}
        }
    }
}
