//! `[formats.NAME]` tables: where a shape byline does not know keeps its
//! articles and their fields (see [`crate::article::Formats`]).

use super::{Item, Reader, suggest};
use crate::article::{Field, Format, Formats};
use toml::Spanned;
use toml::de::DeValue;

/// The keys of a format table besides the fields.
const ITEMS: &str = "items";

impl Reader {
    pub(super) fn formats(&mut self, value: &Spanned<DeValue<'_>>) -> Formats {
        let Some(table) = self.table("formats", value) else {
            return Formats::default();
        };
        let mut items: Vec<Item<'_, '_>> = table.iter().collect();
        items.sort_by_key(|(key, _)| key.span().start);
        let formats = items
            .into_iter()
            .filter_map(|(name, value)| self.format(name.get_ref(), value))
            .collect();
        Formats::new(formats)
    }

    fn format(&mut self, name: &str, value: &Spanned<DeValue<'_>>) -> Option<Format> {
        let Some(table) = value.get_ref().as_table() else {
            self.problem(
                value,
                format!("`formats.{name}` must be a table: [formats.{name}]"),
            );
            return None;
        };
        let mut format = Format {
            name: name.to_owned(),
            items: None,
            paths: Vec::new(),
        };
        for (key, value) in table {
            let key_name = key.get_ref().as_ref();
            let field = Field::ALL.into_iter().find(|f| f.name() == key_name);
            if field.is_none() && key_name != ITEMS {
                let known = Field::ALL.iter().map(|f| f.name()).chain([ITEMS]);
                let hint = suggest(key_name, known);
                self.problem(
                    key,
                    format!("unknown entry `{key_name}` in [formats.{name}]{hint}"),
                );
                continue;
            }
            let Some(paths) = self.dotted_paths(key_name, value) else {
                continue;
            };
            match field {
                Some(field) => format.paths.extend(paths.into_iter().map(|p| (field, p))),
                None => format.items = paths.into_iter().next(),
            }
        }
        if format.items.is_none() && format.paths.is_empty() {
            self.problem(
                value,
                format!("[formats.{name}] names no field; it is left out"),
            );
            return None;
        }
        Some(format)
    }

    /// A path (`"meta.time"`) or a list of paths tried in order.
    fn dotted_paths(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<Vec<String>> {
        let texts: Option<Vec<&str>> = match value.get_ref() {
            DeValue::String(s) => Some(vec![s.as_ref()]),
            DeValue::Array(items) if key != ITEMS => {
                items.iter().map(|item| item.get_ref().as_str()).collect()
            }
            _ => None,
        };
        let good = texts.filter(|t| !t.is_empty() && t.iter().all(|p| is_path(p)));
        if good.is_none() {
            let what = if key == ITEMS {
                "a dotted path, like \"response.stories\""
            } else {
                "a dotted path, like \"meta.headline\", or a list of them"
            };
            self.problem(value, format!("`{key}` must be {what}; it is left out"));
        }
        Some(good?.into_iter().map(str::to_owned).collect())
    }
}

/// Names separated by dots, none of them empty.
fn is_path(text: &str) -> bool {
    !text.is_empty() && text.split('.').all(|part| !part.is_empty())
}
