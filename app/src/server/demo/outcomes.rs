//! The demo's outcomes, one in each stage: the swing is mended (done, with a photo of it now),
//! the school crossing is in progress, the bench is planned, and the doorbells are not Spolu's to
//! mend. Two more proposals are decided in a meeting first. Added once: a database that already
//! has outcomes is left alone.
use crate::domain::{DecisionRule, Eligibility, MeetingNote, ProposalId, ProposalStatus, Tally};
use crate::error::AppError;
use crate::server::accounts::members::to_member;
use crate::server::clock::now;
use crate::server::decisions::{self, MeetingTally};
use crate::server::entities::{outcome, proposal, user};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::photos::{self, Upload};
use crate::server::outcomes::{self, OutcomeForm, UpdateForm};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};

/// Returns how many outcomes were added.
pub async fn seed_outcomes(
    db: &DatabaseConnection,
    files: &dyn FileStore,
) -> Result<usize, AppError> {
    if outcome::Entity::find().count(db).await? > 0 {
        return Ok(0);
    }
    let cyril = user::Entity::find()
        .filter(user::Column::Username.eq("cyril"))
        .one(db)
        .await?
        .map(|row| to_member(&row))
        .ok_or(AppError::Internal)?;
    let proposal = |title: &'static str| async move {
        proposal::Entity::find()
            .filter(proposal::Column::Title.eq(title))
            .one(db)
            .await?
            .ok_or(AppError::Internal)
    };
    for title in ["Lavička u zastávky", "Opravit zvonky ve vchodu 12"] {
        let row = proposal(title).await?;
        if row.status != ProposalStatus::Open {
            continue;
        }
        decisions::record_meeting(
            db,
            &cyril,
            MeetingTally {
                proposal: ProposalId(row.id),
                rule: DecisionRule::new(Eligibility::CoreGroup, 5)
                    .map_err(|_| AppError::Internal)?,
                held_at: now(),
                tally: Tally {
                    yes: 7,
                    no: 1,
                    abstain: 0,
                },
                note: MeetingNote::parse(
                    "Schůzka jádrové skupiny v komunitním centru, přítomno 8 lidí.",
                )
                .map_err(|_| AppError::Internal)?,
            },
        )
        .await?;
    }
    let publish = |id: i32,
                   summary: &'static str,
                   who: &'static str,
                   due: String,
                   stage: &'static str,
                   reason: &'static str| {
        let cyril = cyril.clone();
        async move {
            let outcome = OutcomeForm {
                summary,
                who_does: who,
                due_on: &due,
                stage,
                reason,
            }
            .parse()?;
            outcomes::publish(db, &cyril, id, outcome).await
        }
    };
    let update =
        |id: i32, body: &'static str, stage: &'static str, photo: Option<(&'static str, u32)>| {
            let cyril = cyril.clone();
            async move {
                let uploads = photo
                    .map(|(slug, variant)| Upload {
                        file_name: "demo.png".into(),
                        bytes: crate::server::demo::photos::scene(slug, variant),
                    })
                    .into_iter()
                    .collect();
                let update = UpdateForm { body, stage }.parse()?;
                let photos = photos::check_uploads(uploads).await?;
                outcomes::add_update(db, files, &cyril, id, update, photos).await
            }
        };
    let in_weeks = |weeks: i64| {
        (now() + chrono::Duration::weeks(weeks))
            .format("%Y-%m-%d")
            .to_string()
    };

    let swing = proposal("Opravit houpačku na hřišti").await?.id;
    publish(
        swing,
        "Houpačku opraví správce hřiště. Nový řetěz už objednalo město.",
        "Správce hřiště",
        in_weeks(2),
        "planned",
        "",
    )
    .await?;
    update(
        swing,
        "Řetěz dorazil, oprava začne v pondělí.",
        "in_progress",
        None,
    )
    .await?;
    update(
        swing,
        "Hotovo! Houpačka má nový řetěz a děti už se houpou.",
        "done",
        Some(("playgrounds", 3)),
    )
    .await?;

    let crossing = proposal("Přechod u školy").await?.id;
    publish(
        crossing,
        "Město nechá namalovat přechod a dá tam značku. Retardér zatím ne.",
        "Odbor dopravy města Litvínov",
        in_weeks(8),
        "planned",
        "",
    )
    .await?;
    update(
        crossing,
        "Město poslalo nákres přechodu. Barvy se nanesou, až bude tepleji.",
        "in_progress",
        Some(("traffic", 2)),
    )
    .await?;

    let bench = proposal("Lavička u zastávky").await?.id;
    publish(
        bench,
        "Lavičku se stříškou koupí centrum z grantu na jaře.",
        "Komunitní centrum",
        in_weeks(16),
        "planned",
        "",
    )
    .await?;

    let bells = proposal("Opravit zvonky ve vchodu 12").await?.id;
    publish(
        bells,
        "Zvonky patří majiteli domu, ne městu ani centru.",
        "",
        String::new(),
        "not_possible",
        "Opravu musí udělat majitel domu. Centrum mu napsalo a pomůže nájemníkům podat stížnost.",
    )
    .await?;
    Ok(4)
}
