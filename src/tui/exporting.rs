//! `e`: the open story, with its quotes and people, written as Markdown to
//! a new file in the current folder (never over an existing one), whole or
//! not at all, on a thread of its own; the status line says where it went,
//! or why nothing was written.

use super::app::Msg;
use super::runtime::Event;
use crate::analyse_article;
use crate::article::Article;
use crate::export::{Format, save_in};
use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;

pub fn export_story(article: Arc<Article>, events: Sender<Event>) {
    let spawned = thread::Builder::new()
        .name("byline-export".into())
        .spawn(move || {
            let written = std::env::current_dir().and_then(|dir| {
                let analysis = analyse_article(&article);
                save_in(&dir, &article, &analysis, Format::Markdown)
            });
            let message = match written {
                // It is in the current folder: the name says where.
                Ok(path) => match path.file_name() {
                    Some(name) => format!("exported to ./{}", name.to_string_lossy()),
                    None => format!("exported to {}", path.display()),
                },
                Err(err) => format!("could not export the story, nothing was written: {err}"),
            };
            let _ = events.send(Event::Msg(Msg::Status(message)));
        });
    drop(spawned);
}
