//! Rows inserted by a batch of writes on PostgreSQL, held until the batch's commit and then
//! sent one statement per table: a batch of 32 onboardings is eight `INSERT`s rather than
//! three hundred. See [`super::Conn::insert`].

use time::OffsetDateTime;
use uuid::Uuid;

use super::{Value, postgres, values_placeholders};
use crate::error::{DbError, StoreError};

/// The most parameters in one statement (PostgreSQL's protocol allows 65,535).
const MAX_PARAMETERS: usize = 30_000;

/// An owned [`Value`], kept past the unit of work that made it.
#[derive(Debug, Clone)]
enum Param {
    Text(Option<String>),
    Int(Option<i64>),
    Uuid(Option<Uuid>),
    Time(Option<OffsetDateTime>),
    Bool(bool),
    Bytes(Option<Vec<u8>>),
}

impl Param {
    fn of(value: &Value<'_>) -> Self {
        match *value {
            Value::Text(v) => Param::Text(v.map(str::to_owned)),
            Value::Int(v) => Param::Int(v),
            Value::Uuid(v) => Param::Uuid(v),
            Value::Time(v) => Param::Time(v),
            Value::Bool(v) => Param::Bool(v),
            Value::Bytes(v) => Param::Bytes(v.map(<[u8]>::to_vec)),
        }
    }

    fn value(&self) -> Value<'_> {
        match self {
            Param::Text(v) => Value::Text(v.as_deref()),
            Param::Int(v) => Value::Int(*v),
            Param::Uuid(v) => Value::Uuid(*v),
            Param::Time(v) => Value::Time(*v),
            Param::Bool(v) => Value::Bool(*v),
            Param::Bytes(v) => Value::Bytes(v.as_deref()),
        }
    }
}

/// The rows of one `INSERT INTO table (columns)`.
struct Table {
    into: &'static str,
    columns: usize,
    params: Vec<Param>,
}

/// Rows waiting for the commit, by table, in the order each table was first written to
/// (so that a row comes after the rows it refers to).
#[derive(Default)]
pub(crate) struct Deferred {
    tables: Vec<Table>,
}

impl Deferred {
    /// Keeps `params.len() / columns` rows for `into` (`INSERT INTO t (a, b)`).
    pub(crate) fn push(&mut self, into: &'static str, columns: usize, params: &[Value<'_>]) {
        let position = match self
            .tables
            .iter()
            .position(|t| t.into == into && t.columns == columns)
        {
            Some(position) => position,
            None => {
                self.tables.push(Table {
                    into,
                    columns,
                    params: Vec::new(),
                });
                self.tables.len() - 1
            }
        };
        self.tables[position].params.extend(params.iter().map(Param::of));
    }

    /// Sends the rows, one statement per table (more when a table's rows exceed the
    /// protocol's parameter limit).
    pub(crate) async fn flush(self, conn: &mut sqlx::PgConnection) -> Result<(), StoreError> {
        for table in self.tables {
            let per_statement = (MAX_PARAMETERS / table.columns).max(1) * table.columns;
            for chunk in table.params.chunks(per_statement) {
                let rows = chunk.len() / table.columns;
                let sql = format!(
                    "{} VALUES {}",
                    table.into,
                    values_placeholders(rows, table.columns, 0)
                );
                let values: Vec<Value<'_>> = chunk.iter().map(Param::value).collect();
                postgres::execute(conn, &sql, &values)
                    .await
                    .map_err(|e| DbError::into_store(e, &sql))?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_grouped_by_table_in_the_order_tables_were_first_written() {
        let mut deferred = Deferred::default();
        deferred.push("INSERT INTO a (x)", 1, &[Value::Int(Some(1))]);
        deferred.push(
            "INSERT INTO b (x, y)",
            2,
            &[Value::Int(Some(2)), Value::from("two")],
        );
        deferred.push(
            "INSERT INTO a (x)",
            1,
            &[Value::Int(Some(3)), Value::Int(Some(4))],
        );
        let order: Vec<_> = deferred.tables.iter().map(|t| (t.into, t.params.len())).collect();
        assert_eq!(order, vec![("INSERT INTO a (x)", 3), ("INSERT INTO b (x, y)", 2)]);
        assert!(matches!(
            deferred.tables[1].params[1].value(),
            Value::Text(Some("two"))
        ));
    }
}
