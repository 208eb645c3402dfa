//! The demo estate's places and proposals, in Czech (the demo's language), with supports.
use crate::domain::{CommentText, ProposalBody, ProposalTitle};
use crate::error::AppError;
use crate::server::accounts::members::to_member;
use crate::server::entities::{category, place, proposal, proposal_status_change, user};
use crate::server::infra::file_store::FileStore;
use crate::server::infra::photos::Upload;
use crate::server::proposals::{self, NewProposal};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

/// The demo writes as several residents at once; the posting limits are for people.
const UNLIMITED: crate::server::PostingLimits = crate::server::PostingLimits {
    proposals_per_day: u64::MAX,
    comments_per_hour: u64::MAX,
};

/// Places staff would list for the estate.
pub const PLACES: [(&str, &str); 6] = [
    ("Hřiště u bloku 3", "Za domem, u pískoviště"),
    ("Zastávka u bloku 5", "Autobus 1 a 3"),
    ("Park za školou", "Mezi školou a potokem"),
    ("Podchod k nákupnímu středisku", "Pod hlavní silnicí"),
    ("Komunitní centrum", "Přízemí bloku 7"),
    ("Parkoviště u bloku 8", "Vedle kontejnerů"),
];

/// (author, title, text, category slug, place index, supporters)
type DemoProposal = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<usize>,
    &'static [&'static str],
);

pub const PROPOSALS: [DemoProposal; 12] = [
    (
        "anna",
        "Lavička u zastávky",
        "Starší lidé nemají kde si sednout, když čekají na autobus.\nPomohla by lavička se stříškou.",
        "buildings",
        Some(1),
        &["boris", "eva", "filip", "cyril"],
    ),
    (
        "filip",
        "Opravit houpačku na hřišti",
        "Houpačka má prasklý řetěz. Děti se na ní pořád houpou a může se utrhnout.",
        "playgrounds",
        Some(0),
        &["anna", "eva", "boris", "dana", "cyril"],
    ),
    (
        "eva",
        "Víc košů na tříděný odpad",
        "U bloků 1 a 2 jsou jen koše na směsný odpad. Plast a papír pak leží na zemi.",
        "cleanliness",
        None,
        &["anna", "filip"],
    ),
    (
        "boris",
        "Světlo v podchodu",
        "Večer je v podchodu tma a lidé se tam bojí chodit. Stačila by jedna lampa.",
        "safety",
        Some(3),
        &["anna", "eva", "filip"],
    ),
    (
        "anna",
        "Společný úklid parku po zimě",
        "Navrhuji úklid v sobotu dopoledne. Pytle a rukavice by mohlo půjčit centrum.",
        "greenery",
        Some(2),
        &["boris"],
    ),
    (
        "filip",
        "Víko na pískoviště",
        "Do pískoviště chodí psi a kočky. Víko na noc by písek ochránilo.",
        "playgrounds",
        Some(0),
        &["anna", "eva"],
    ),
    (
        "eva",
        "Přechod u školy",
        "Auta tu jezdí rychle a děti přecházejí mezi nimi. Chtěli bychom zebru nebo retardér.",
        "traffic",
        None,
        &["anna", "boris", "filip", "cyril", "dana"],
    ),
    (
        "boris",
        "Zahradní slavnost pro děti",
        "V červnu společná akce: hry, opékání, hudba. Každý může něco přinést.",
        "events",
        Some(4),
        &["eva"],
    ),
    (
        "anna",
        "Opravit zvonky ve vchodu 12",
        "Zvonky nefungují už měsíc a návštěvy se nedozvoní.",
        "buildings",
        None,
        &[],
    ),
    (
        "filip",
        "Stojan na kola",
        "Kola se teď zamykají k zábradlí. Stojan u centra by pomohl.",
        "traffic",
        Some(4),
        &["boris"],
    ),
    (
        "eva",
        "Stromy podél cesty ke škole",
        "V létě tu není žádný stín. Pár stromů by to změnilo.",
        "greenery",
        None,
        &["anna", "filip", "dana"],
    ),
    (
        "boris",
        "Nástěnka s novinkami ze sídliště",
        "Ne každý má internet. Nástěnka u centra by říkala, co se chystá.\nVíc na https://www.litvinov.cz/",
        "other",
        Some(4),
        &["anna"],
    ),
];

async fn backdate(db: &DatabaseConnection, id: i32, by: chrono::Duration) -> Result<(), AppError> {
    let at = chrono::SubsecRound::trunc_subsecs(chrono::Utc::now() - by, 6);
    proposal::Entity::update_many()
        .col_expr(proposal::Column::CreatedAt, Expr::value(at))
        .col_expr(proposal::Column::LastActivityAt, Expr::value(at))
        .filter(proposal::Column::Id.eq(id))
        .exec(db)
        .await?;
    proposal_status_change::Entity::update_many()
        .col_expr(proposal_status_change::Column::ChangedAt, Expr::value(at))
        .filter(proposal_status_change::Column::ProposalId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// A few conversations: (proposal title, author, text, a reply to the first comment?).
const DISCUSSIONS: [(&str, &str, &str, bool); 6] = [
    (
        "Opravit houpačku na hřišti",
        "eva",
        "Včera jsem ten řetěz viděla, opravdu je nalomený.",
        false,
    ),
    (
        "Opravit houpačku na hřišti",
        "cyril",
        "Díky, nahlásili jsme to správci. Zatím jsme houpačku zajistili páskou.",
        true,
    ),
    (
        "Přechod u školy",
        "anna",
        "Ráno tam stojí i auta na chodníku, děti pak nejsou vidět.",
        false,
    ),
    (
        "Přechod u školy",
        "boris",
        "Mohli bychom to probrat s městskou policií na schůzce v centru.",
        true,
    ),
    (
        "Lavička u zastávky",
        "filip",
        "Stříška by se hodila i kvůli dešti.",
        false,
    ),
    (
        "Světlo v podchodu",
        "eva",
        "Souhlasím. Večer tudy chodím z práce a je to nepříjemné.",
        false,
    ),
];

/// Adds the demo places that are missing (by name). Returns how many were added.
pub async fn seed_places(db: &DatabaseConnection) -> Result<usize, AppError> {
    let mut added = 0;
    for (position, (name, description)) in PLACES.iter().enumerate() {
        if place::Entity::find()
            .filter(place::Column::Name.eq(*name))
            .one(db)
            .await?
            .is_some()
        {
            continue;
        }
        place::ActiveModel {
            name: Set((*name).into()),
            description: Set(Some((*description).into())),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
            ..Default::default()
        }
        .insert(db)
        .await?;
        added += 1;
    }
    Ok(added)
}

/// Adds the demo proposals that are missing (by title), with their supports.
pub async fn seed_proposals(
    db: &DatabaseConnection,
    files: &dyn FileStore,
) -> Result<usize, AppError> {
    let members = user::Entity::find().all(db).await?;
    let member = |username: &str| {
        members
            .iter()
            .find(|m| m.username == username)
            .map(to_member)
    };
    let categories = category::Entity::find().all(db).await?;
    let places = place::Entity::find().all(db).await?;
    let mut added = 0;
    for (index, (author, title, body, slug, place_index, supporters)) in
        PROPOSALS.into_iter().enumerate()
    {
        let exists = proposal::Entity::find()
            .filter(proposal::Column::Title.eq(title))
            .one(db)
            .await?
            .is_some();
        let (Some(author), Some(category)) =
            (member(author), categories.iter().find(|c| c.slug == slug))
        else {
            continue;
        };
        if exists {
            continue;
        }
        let place = place_index
            .and_then(|i| PLACES.get(i))
            .and_then(|(name, _)| places.iter().find(|p| p.name == *name))
            .map(|p| p.id);
        // Every other proposal has a photo, as in a real estate: not everyone takes one.
        let uploads = if index % 2 == 0 {
            vec![Upload {
                file_name: format!("demo-{index}.png"),
                bytes: crate::server::demo::photos::scene(slug, u32::try_from(index).unwrap_or(0)),
            }]
        } else {
            Vec::new()
        };
        let photos = proposals::check_photos(db, &author, uploads).await?;
        let new = NewProposal {
            title: ProposalTitle::parse(title).map_err(|_| AppError::Internal)?,
            body: ProposalBody::parse(body).map_err(|_| AppError::Internal)?,
            category: Some(category.id),
            place,
        };
        let ready = proposals::find_choices(db, new).await?;
        let attached = proposals::Attached {
            photos,
            ..Default::default()
        };
        let id =
            proposals::create(db, files, &author, None, ready, attached, &UNLIMITED, false).await?;
        for supporter in supporters.iter().filter_map(|name| member(name)) {
            proposals::set_support(db, &supporter, id, true).await?;
        }
        // Spread over the past weeks, oldest first, as a lived-in estate would have them.
        let days_ago = i64::try_from(2 * (PROPOSALS.len() - index)).unwrap_or(0);
        backdate(db, id, chrono::Duration::days(days_ago)).await?;
        let mut first_comment = None;
        for (_, who, text, is_reply) in DISCUSSIONS.iter().filter(|d| d.0 == title) {
            let Some(who) = member(who) else { continue };
            let parent = if *is_reply { first_comment } else { None };
            let text = CommentText::parse(text).map_err(|_| AppError::Internal)?;
            let comment = crate::server::proposals::comments::add(
                db, &who, id, parent, text, &UNLIMITED, None,
            )
            .await?;
            first_comment = first_comment.or(Some(comment));
        }
        added += 1;
    }
    Ok(added)
}
