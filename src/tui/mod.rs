//! The terminal reader: the only module that knows ratatui and crossterm.
