//! The activity log: [`record`] writes an entry inside the transaction of the change it
//! describes; [`Store::activity`] reads a partner's entries, newest first, filtered.

use partnerdesk_domain::audit::{Action, Actor, Change, Event};
use partnerdesk_domain::{CustomerId, PartnerId};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::Store;
use crate::db::{Conn, Row, Value, id, opt_id};
use crate::error::StoreError;

/// Records `change` made by `actor`. Call it inside the change's transaction.
pub(crate) async fn record(c: &mut Conn<'_>, actor: &Actor, change: &Change) -> Result<(), StoreError> {
    let details: serde_json::Map<String, serde_json::Value> = change
        .details
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::String(v.clone())))
        .collect();
    let details = serde_json::Value::Object(details).to_string();
    c.insert(
        "INSERT INTO activity (id, at, partner_id, reseller_id, customer_id, action, actor_id, actor_name, channel, \
         address, details)",
        1,
        &[
            Value::Uuid(Some(Uuid::now_v7())),
            OffsetDateTime::now_utc().into(),
            id(change.partner_id),
            opt_id(change.reseller_id),
            opt_id(change.customer_id),
            change.action.as_str().into(),
            Value::Uuid(actor.user_id),
            Value::from(&actor.name),
            actor.channel.as_str().into(),
            Value::from(&actor.address),
            Value::from(&details),
        ],
    )
    .await?;
    Ok(())
}

/// Which entries to read.
#[derive(Debug, Clone, Default)]
pub struct ActivityQuery {
    pub customer: Option<CustomerId>,
    pub action: Option<Action>,
    /// Entries by actors whose email, or partner user's name, starts with this
    /// (case-insensitive).
    pub actor: Option<String>,
    pub since: Option<OffsetDateTime>,
    pub until: Option<OffsetDateTime>,
    /// Entries older than this one (the previous page's last).
    pub before: Option<(OffsetDateTime, Uuid)>,
    pub limit: u32,
}

impl Store {
    /// Entries of `viewer`'s log (its own changes and those about customers associated
    /// with it as reseller), newest first.
    pub async fn activity(&self, viewer: PartnerId, query: ActivityQuery) -> Result<Vec<Event>, StoreError> {
        self.read_with(query, move |c, q| {
            Box::pin(async move {
                let actor = q
                    .actor
                    .as_deref()
                    .map(|a| format!("{}%", like_literal(&a.trim().to_lowercase())));
                let limit = i64::from(q.limit.clamp(1, 1000));
                let mut sql = String::from(
                    "SELECT a.id, a.at, a.partner_id, a.customer_id, a.action, a.actor_id, a.actor_name, a.channel, a.address, \
                     a.details, c.company_name AS customer_name \
                     FROM activity a LEFT JOIN customers c ON c.id = a.customer_id \
                     WHERE (a.partner_id = $1 OR a.reseller_id = $1)",
                );
                let mut params: Vec<Value<'_>> = vec![id(viewer)];
                let mut bind = |sql: &mut String, clause: &str, value: Value<'static>| {
                    params.push(value);
                    sql.push_str(&clause.replace('?', &format!("${}", params.len())));
                };
                if let Some(customer) = q.customer {
                    bind(&mut sql, " AND a.customer_id = ?", id(customer));
                }
                if let Some(action) = q.action {
                    bind(&mut sql, " AND a.action = ?", action.as_str().into());
                }
                if let Some(since) = q.since {
                    bind(&mut sql, " AND a.at >= ?", since.into());
                }
                if let Some(until) = q.until {
                    bind(&mut sql, " AND a.at < ?", until.into());
                }
                if let Some((at, entry)) = q.before {
                    bind(&mut sql, " AND (a.at < ?", at.into());
                    let n = params.len();
                    params.push(Value::Uuid(Some(entry)));
                    sql.push_str(&format!(" OR (a.at = ${n} AND a.id < ${}))", n + 1));
                }
                if let Some(actor) = &actor {
                    params.push(Value::from(actor));
                    // The entry keeps the actor's email; a partner user is also found by
                    // the name the stories show now.
                    let n = params.len();
                    sql.push_str(&format!(
                        " AND (LOWER(a.actor_name) LIKE ${n} ESCAPE '\\' OR a.actor_id IN \
                         (SELECT u.id FROM partner_users u WHERE LOWER(u.name) LIKE ${n} ESCAPE '\\'))"
                    ));
                }
                params.push(limit.into());
                sql.push_str(&format!(" ORDER BY a.at DESC, a.id DESC LIMIT ${}", params.len()));
                let rows = c.fetch_all(&sql, &params).await?;
                rows.iter().map(event_from).collect()
            })
        })
        .await
    }
}

/// `text` as a LIKE pattern that matches it literally: `%`, `_` and the escape character
/// `\` escaped.
fn like_literal(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern
}

fn event_from(row: &Row) -> Result<Event, StoreError> {
    let corrupt = |what: &str| StoreError::Internal(format!("stored activity {what}"));
    let details: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&row.text("details")?).map_err(|_| corrupt("details"))?;
    Ok(Event {
        id: row.uuid("id")?,
        at: row.time("at")?,
        partner_id: row.uuid("partner_id")?,
        customer_id: row.opt_uuid("customer_id")?,
        customer_name: row.opt_text("customer_name")?,
        action: row.text("action")?.parse().map_err(|()| corrupt("action"))?,
        actor_id: row.opt_uuid("actor_id")?,
        actor_name: row.text("actor_name")?,
        channel: row.text("channel")?.parse().map_err(|()| corrupt("channel"))?,
        address: row.opt_text("address")?,
        details: details
            .into_iter()
            .map(|(k, v)| (k, v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string())))
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_patterns_escape_wildcards_and_the_escape_character() {
        assert_eq!(like_literal("ana"), "ana");
        assert_eq!(like_literal("100%_a\\b"), "100\\%\\_a\\\\b");
    }
}
