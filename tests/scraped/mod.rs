//! Realistic scraped lines shared by the property tests: menus, credits, promos, teasers, cookie
//! notices, prose in English, German, French and Polish, and blank or whitespace lines; and how
//! generated lines are put together into a document.

/// One line each, without terminator.
pub const LINES: &[&str] = &[
    "Home", "News | Sport | Business | Culture", "Share on Facebook", "Sign in to continue",
    "REUTERS/Jane Roe", "FILE PHOTO: A view of the harbour, July 4, 2024.", "Image Credit: Getty",
    "More from Reuters", "Related", "Read more", "Subscribe to our newsletter for daily updates!",
    "Advertisement", "We use cookies to improve your experience. Accept all",
    "The council voted on Monday to close the old bridge for repairs, which are expected to take most of the summer.",
    "Residents who rely on the bridge said they had not been told how long the detour would add to their commute.",
    "Die Stadt hat am Montag beschlossen, die alte Brücke für Reparaturen den ganzen Sommer zu schließen.",
    "Le conseil municipal a voté lundi la fermeture du vieux pont pour des réparations tout l'été.",
    "Rada miasta zdecydowała w poniedziałek o zamknięciu starego mostu na czas remontu.",
    "Stocks rally as investors cheer the latest jobs figures.", "", "   ", "\t",
];

/// A document from lines and their terminators: a UTF-8 byte-order mark first when `bom`, the
/// last terminator only when `last`.
pub fn assemble<L: AsRef<[u8]>>(bom: bool, lines: Vec<(L, &str)>, last: bool) -> Vec<u8> {
    let mut doc = if bom {
        b"\xEF\xBB\xBF".to_vec()
    } else {
        Vec::new()
    };
    let count = lines.len();
    for (i, (text, terminator)) in lines.into_iter().enumerate() {
        doc.extend_from_slice(text.as_ref());
        if i + 1 < count || last {
            doc.extend_from_slice(terminator.as_bytes());
        }
    }
    doc
}
