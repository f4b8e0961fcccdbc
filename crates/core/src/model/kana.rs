//! Kana for finding people by how their names are read: katakana folded to hiragana, and
//! hiragana written in romaji (Hepburn, by wana_kana).

use wana_kana::ConvertJapanese;

/// A katakana letter as its hiragana; anything else as it is.
pub fn hiragana(c: char) -> char {
    match c {
        'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        c => c,
    }
}

/// `text` with its kana in romaji: はやし → hayashi.
pub fn romaji(text: &str) -> String {
    text.to_romaji()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_fold_and_romaji() {
        let folded: String = "ハヤシ".chars().map(hiragana).collect();
        assert_eq!(folded, "はやし");
        assert_eq!(romaji("はやし"), "hayashi");
        assert_eq!(romaji("さとうはなこ"), "satouhanako");
    }
}
