//! What a form field shows: built in Rust, rendered by one template macro, so that every
//! field gets its label, hint, error and `aria-describedby` the same way.

use partnerdesk_domain::{Arg, Field, FieldError, Locale};

use crate::i18n;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Email,
    Tel,
    Date,
    Select,
    Checkbox,
    /// Several lines of text.
    TextArea,
    /// Files; the field's `accept` lists their types.
    File,
}

#[derive(Debug, Clone)]
pub struct OptionView {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

/// What follows a field's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum After {
    Nothing,
    /// The country's "apply" button, for browsers without JavaScript.
    ApplyCountry,
    /// The domain availability check and its result.
    DomainCheck(Option<String>),
}

#[derive(Debug, Clone)]
pub struct FieldView {
    pub name: &'static str,
    pub label: String,
    pub kind: Kind,
    pub value: String,
    pub options: Vec<OptionView>,
    pub checked: bool,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub required: bool,
    pub autocomplete: &'static str,
    pub suffix: Option<String>,
    pub max_length: usize,
    pub after: After,
    /// A file input's types: `.pdf,.png`.
    pub accept: String,
}

impl FieldView {
    /// The input of a field of the rules: its name and its length limit are the domain's.
    pub fn of(field: Field, label: String, kind: Kind, value: &str) -> Self {
        let view = Self::new(field.name(), label, kind, value);
        match field.max_length() {
            Some(max) => view.max(max),
            None => view,
        }
    }

    pub fn new(name: &'static str, label: String, kind: Kind, value: &str) -> Self {
        Self {
            name,
            label,
            kind,
            value: value.to_owned(),
            options: Vec::new(),
            checked: false,
            hint: None,
            error: None,
            required: true,
            autocomplete: "off",
            suffix: None,
            max_length: 255,
            after: After::Nothing,
            accept: String::new(),
        }
    }

    pub fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    pub fn hint(mut self, hint: String) -> Self {
        self.hint = Some(hint);
        self
    }

    pub fn autocomplete(mut self, token: &'static str) -> Self {
        self.autocomplete = token;
        self
    }

    pub fn after(mut self, after: After) -> Self {
        self.after = after;
        self
    }

    /// A file input taking the types `accept` lists.
    pub fn accept(mut self, accept: String) -> Self {
        self.accept = accept;
        self
    }

    pub fn max(mut self, length: usize) -> Self {
        self.max_length = length;
        self
    }

    /// Options of a select, the one equal to the field's value selected.
    pub fn options(mut self, options: impl IntoIterator<Item = (String, String)>) -> Self {
        let value = self.value.clone();
        self.options = options
            .into_iter()
            .map(|(v, label)| OptionView {
                selected: v == value,
                value: v,
                label,
            })
            .collect();
        self
    }

    pub fn is_select(&self) -> bool {
        self.kind == Kind::Select
    }

    pub fn is_checkbox(&self) -> bool {
        self.kind == Kind::Checkbox
    }

    pub fn is_textarea(&self) -> bool {
        self.kind == Kind::TextArea
    }

    pub fn is_file(&self) -> bool {
        self.kind == Kind::File
    }

    pub fn input_type(&self) -> &'static str {
        match self.kind {
            Kind::Email => "email",
            Kind::Tel => "tel",
            Kind::Date => "date",
            Kind::File => "file",
            Kind::Text | Kind::Select | Kind::Checkbox | Kind::TextArea => "text",
        }
    }

    pub fn apply_country(&self) -> bool {
        self.after == After::ApplyCountry
    }

    pub fn domain_check(&self) -> Option<&str> {
        match &self.after {
            After::DomainCheck(status) => Some(status.as_deref().unwrap_or("")),
            _ => None,
        }
    }

    /// The ids that describe the input: its hint, its suffix, its error.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.suffix.is_some() {
            ids.push(format!("{}-suffix", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.name));
        }
        ids.join(" ")
    }
}

pub struct FieldsetView {
    pub id: &'static str,
    pub legend: String,
    pub fields: Vec<FieldView>,
    /// A link shown before the fields (the agreement's text).
    pub link: Option<(String, String)>,
}

/// An entry of the error summary: the id of the field and what is wrong.
#[derive(Debug, Clone)]
pub struct ErrorLink {
    pub target: String,
    pub text: String,
}

/// Puts each error on its field and returns the summary's entries, in form order.
pub fn attach(fieldsets: &mut [FieldsetView], errors: &[FieldError], locale: Locale) -> Vec<ErrorLink> {
    let mut links = Vec::new();
    for set in fieldsets.iter_mut() {
        for field in &mut set.fields {
            if let Some(error) = errors.iter().find(|e| e.field.name() == field.name) {
                let message = i18n::rule(locale, &error.rule);
                links.push(ErrorLink {
                    target: field.name.to_owned(),
                    text: summary_item(locale, &field.label, &message),
                });
                field.error = Some(message);
            }
        }
    }
    // Errors on fields the form doesn't show (such as an associated reseller that
    // disappeared) still reach the summary.
    for error in errors {
        let shown = fieldsets
            .iter()
            .any(|s| s.fields.iter().any(|f| f.name == error.field.name()));
        if !shown && error.field != Field::LineItems {
            links.push(ErrorLink {
                target: "main".into(),
                text: i18n::rule(locale, &error.rule),
            });
        }
    }
    links
}

/// "Label: what is wrong", with the locale's punctuation.
pub fn summary_item(locale: Locale, label: &str, message: &str) -> String {
    i18n::text_with(
        locale,
        "error-summary-item",
        &[
            ("field", Arg::Text(label.to_owned())),
            ("message", Arg::Text(message.to_owned())),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use partnerdesk_domain::Rule;

    #[test]
    fn errors_land_on_their_fields_and_in_the_summary() {
        let mut sets = vec![FieldsetView {
            id: "company",
            legend: "Company".into(),
            fields: vec![
                FieldView::new("companyName", "Company name".into(), Kind::Text, ""),
                FieldView::new("city", "City".into(), Kind::Text, "x").hint("h".into()),
            ],
            link: None,
        }];
        let errors = vec![FieldError::new(Field::City, Rule::Required)];
        let links = attach(&mut sets, &errors, Locale::EnUs);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].target, "city");
        assert!(links[0].text.starts_with("City: "));
        assert_eq!(sets[0].fields[1].described_by(), "city-hint city-error");
        assert!(sets[0].fields[0].error.is_none());
    }
}
