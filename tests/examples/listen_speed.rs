//! Issue 16's figures for "Listen": how long the server takes to read a 500-character proposal
//! aloud (eSpeak NG, then ffmpeg to Ogg Opus), and how many audio bytes 100 characters make.
//! `cargo run --release -p tests --example listen_speed`; needs espeak-ng and ffmpeg.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use app::server::infra::speech::Speech;
use std::time::Instant;

/// A resident's proposal of about 500 characters; each run changes a word, so nothing is cached.
const PROPOSAL: &str = "Lavička u vchodu číslo 12 je už dva roky rozbitá a chybí jí dvě prkna. \
    Navrhuji ji opravit a natřít, aby si na ni mohli sednout starší sousedé, když čekají na \
    autobus nebo se vracejí z nákupu. Děti by ji také ocenily, když si hrají na hřišti naproti. \
    Mohli bychom ji opravit společně na jarní brigádě, barvu by dal komunitní pracovník a \
    prkna zbyla z loňské opravy plotu. Stačí jedno odpoledne a pár ochotných lidí. Sousedé z \
    bloku 14 už slíbili, že pomohou s natíráním. Prosím, podpořte návrh.";
const RUNS: usize = 5;

#[tokio::main]
async fn main() {
    let cache = std::env::temp_dir().join(format!("spolu-listen-{}", std::process::id()));
    let speech = Speech::start(cache.clone()).await;
    assert!(speech.can_speak(), "espeak-ng and ffmpeg are needed");
    for language in ["cs", "en"] {
        let mut times = Vec::new();
        let mut bytes_per_100 = Vec::new();
        for run in 0..RUNS {
            let text = format!("{PROPOSAL} ({run})");
            let started = Instant::now();
            let path = speech.audio(&text, language).await.expect("audio");
            times.push(started.elapsed().as_secs_f64() * 1000.0);
            let bytes = std::fs::metadata(&path).unwrap().len() as f64;
            bytes_per_100.push(bytes * 100.0 / text.chars().count() as f64);
            let started = Instant::now();
            speech.audio(&text, language).await.expect("cached audio");
            if run == 0 {
                println!(
                    "{language}: cached audio found in {:.2} ms",
                    started.elapsed().as_secs_f64() * 1000.0
                );
            }
        }
        times.sort_by(f64::total_cmp);
        let mean_bytes = bytes_per_100.iter().sum::<f64>() / bytes_per_100.len() as f64;
        println!(
            "{language}: {} characters made in {:.0} ms (median of {RUNS}, fastest {:.0}, slowest {:.0}); {mean_bytes:.0} audio bytes per 100 characters",
            PROPOSAL.chars().count(),
            times[RUNS / 2],
            times[0],
            times[RUNS - 1],
        );
    }
    std::fs::remove_dir_all(&cache).ok();
}
