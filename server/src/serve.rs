//! Accepting connections. `axum::serve` gives hyper no timer, so a client that sends its headers a
//! byte a minute (or opens a connection and says nothing) would hold it forever; here every
//! connection has a header-read timeout, and the router has a timeout between parts of a body.
//! A connection that sends nothing at all is closed after the same time. On the stop signal no
//! new connection is taken and those in flight get time to finish.
use axum::Router;
use axum::extract::ConnectInfo;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long requests in flight may take to finish after the stop signal.
const FINISHING: Duration = Duration::from_secs(20);

pub async fn serve(
    listener: TcpListener,
    router: Router,
    slow_client: Duration,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(slow_client);
    let graceful = GracefulShutdown::new();
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, address) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait a moment instead of spinning.
                    tracing::warn!(%error, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let service = router.clone().map_request(
            move |mut request: axum::extract::Request<hyper::body::Incoming>| {
                request.extensions_mut().insert(ConnectInfo(address));
                request.map(axum::body::Body::new)
            },
        );
        let builder = builder.clone();
        let watcher = graceful.watcher();
        tokio::spawn(async move {
            // hyper waits for the first bytes (to tell HTTP/1 from HTTP/2) without a timer: a
            // connection that never says anything would stay open forever.
            // (`peek` waits for a byte; `readable` may wake without one.)
            let mut first = [0u8; 1];
            if !matches!(
                tokio::time::timeout(slow_client, stream.peek(&mut first)).await,
                Ok(Ok(1))
            ) {
                return;
            }
            let connection = builder.serve_connection_with_upgrades(
                TokioIo::new(stream),
                TowerToHyperService::new(service),
            );
            if let Err(error) = watcher.watch(connection).await {
                tracing::debug!(%error, "a connection ended with an error");
            }
        });
    }
    if tokio::time::timeout(FINISHING, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("some requests did not finish in time after the stop signal");
    }
    Ok(())
}
