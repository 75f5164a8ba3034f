#if Emulator
/// The frame every emulator page shares: a complete, self-contained HTML5 document with inline
/// styles (no scripts, no external assets) that reads well from 320 px wide up and shows where
/// keyboard focus is.
enum HTMLDocument {
    /// `text` with the characters HTML gives meaning to written as entities, safe in element
    /// content and in quoted attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A whole page: `title` (plain text, escaped here) and `main`, HTML already escaped.
    static func page(title: String, main: String) -> String {
        """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(escape(title))</title>
        <style>\(styles)</style>
        </head>
        <body>
        <main>
        \(main)
        <p class="note">Served by the local Checkout emulator. No real payment is made.</p>
        </main>
        </body>
        </html>

        """
    }

    private static let styles = """
        *{box-sizing:border-box}
        body{margin:0;padding:1rem;background:#f6f7f9;color:#1a1f36;\
        font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
        main{max-width:32rem;margin:0 auto;padding:1.25rem;background:#fff;border-radius:8px;\
        box-shadow:0 1px 3px rgba(0,0,0,.15)}
        h1{font-size:1.375rem;margin:0 0 1rem}
        h2{font-size:1.0625rem;margin:1.25rem 0 .5rem}
        table{width:100%;border-collapse:collapse}
        th,td{padding:.5rem .25rem;text-align:left;vertical-align:top;border-bottom:1px solid #d5dbe1}
        .num{text-align:right;white-space:nowrap}
        .item{overflow-wrap:anywhere}
        tfoot th,tfoot td{font-weight:700;border-bottom:0}
        label{display:block;font-weight:600;margin:1rem 0 .25rem}
        input{width:100%;font:inherit;padding:.5rem;border:1px solid #6b7385;border-radius:6px}
        button{display:block;width:100%;margin-top:.75rem;padding:.75rem;font:inherit;font-weight:600;\
        border:2px solid #0a2540;border-radius:6px;cursor:pointer}
        .primary{background:#0a2540;color:#fff}
        .secondary{background:#fff;color:#0a2540}
        a{color:#0a2540}
        :focus{outline:3px solid #d9480f;outline-offset:2px}
        :focus:not(:focus-visible){outline:none}
        .note{margin:1.5rem 0 0;font-size:.875rem;color:#4f566b}
        """
}
#endif
