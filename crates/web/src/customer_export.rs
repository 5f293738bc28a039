//! A view of a partner's customers as CSV, a batch of rows at a time so that memory stays
//! flat whatever the number of customers. The portal's Export and
//! `partnerdesk customers export` write the same file.

use axum::body::Body;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::{Stream, StreamExt};
use partnerdesk_domain::PartnerId;
use partnerdesk_store::{CustomerListing, CustomerView, Store, ViewCursor};
use time::format_description::well_known::Iso8601;

use crate::csv;

/// Rows fetched per batch.
const BATCH: u32 = 1000;

const COLUMNS: [&str; 9] = [
    "CustomerId",
    "CompanyName",
    "Domain",
    "Country",
    "IndirectReseller",
    "Relationship",
    "Created",
    "ActiveLicenses",
    "NextCommitmentEnd",
];

/// `view` as a downloaded file named `name`.
pub fn file(
    store: Store,
    partner: PartnerId,
    view: CustomerView,
    names: Vec<(PartnerId, String)>,
    name: &str,
) -> Response {
    // Fused: the response's compression polls a stream once more after its end.
    let body = Body::from_stream(lines(store, partner, view, names).fuse());
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
        (
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ),
        (header::CACHE_CONTROL, "no-store".to_owned()),
    ];
    (headers, body).into_response()
}

/// The header line, then one chunk of CSV lines per batch of customers.
pub fn lines(
    store: Store,
    partner: PartnerId,
    view: CustomerView,
    names: Vec<(PartnerId, String)>,
) -> impl Stream<Item = Result<String, std::io::Error>> {
    let start = (store, view, names, None::<ViewCursor>, Some(csv::line(&COLUMNS)));
    futures_util::stream::unfold(Some(start), move |next| async move {
        let (store, view, names, after, header) = next?;
        let (rows, last) = match store.customers_after(partner, view.clone(), after, BATCH).await {
            Ok(batch) => batch,
            Err(e) => return Some((Err(std::io::Error::other(e.to_string())), None)),
        };
        let mut chunk = header.unwrap_or_default();
        for row in &rows {
            chunk.push_str(&line(row, &names));
        }
        if chunk.is_empty() {
            return None;
        }
        let next = last.map(|last| (store, view, names, Some(last), None));
        Some((Ok(chunk), next))
    })
}

fn line(row: &CustomerListing, names: &[(PartnerId, String)]) -> String {
    let c = &row.customer;
    let reseller = c
        .associated_partner_id
        .and_then(|id| names.iter().find(|(p, _)| *p == id).map(|(_, n)| n.as_str()))
        .unwrap_or_default();
    let date = |at: time::OffsetDateTime| at.date().format(&Iso8601::DATE).unwrap_or_default();
    csv::line(&[
        c.id.to_string(),
        csv::text(&c.company_name),
        csv::text(&c.domain),
        c.country.to_string(),
        csv::text(reseller),
        csv::text(&c.relationship),
        date(c.created_at),
        row.active_licences.to_string(),
        row.next_commitment_end.map(date).unwrap_or_default(),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerdesk_domain::country::CountryCode;
    use partnerdesk_domain::customer::CustomerSummary;

    #[test]
    fn a_line_is_formula_safe_and_names_the_reseller() {
        let reseller = PartnerId::new();
        let row = CustomerListing {
            customer: CustomerSummary {
                id: partnerdesk_domain::CustomerId::new(),
                commerce_id: uuid::Uuid::nil(),
                company_name: "=cmd, Inc".into(),
                domain: "cmd.example".into(),
                country: CountryCode::parse("FR").unwrap_or_else(|_| unreachable!()),
                created_at: time::macros::datetime!(2026-11-30 10:00 UTC),
                associated_partner_id: Some(reseller),
                relationship: "reseller".into(),
            },
            active_licences: 12,
            next_commitment_end: Some(time::macros::datetime!(2027-11-29 00:00 UTC)),
        };
        let line = line(&row, &[(reseller, "Reseller One".into())]);
        assert!(
            line.ends_with(
                ",\"'=cmd, Inc\",cmd.example,FR,Reseller One,reseller,2026-11-30,12,2027-11-29\r\n"
            ),
            "{line}"
        );
    }
}
