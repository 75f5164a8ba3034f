import Foundation

/// The shop's HTML pages: plain, keyboard-usable, no external assets. Pages show what the customer knows (order
/// numbers, products, amounts, statuses), never Stripe's internal ids.
enum ShopPages {
    /// What the order page says above the order, after a checkout answer that sent the customer back to it.
    enum Notice: String {
        case alreadyPaid = "already-paid"
        case processing
    }

    static func money(_ cents: Int) -> String {
        String(format: "$%d.%02d", cents / 100, cents % 100)
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMMM d, yyyy"
        return formatter.string(from: date)
    }

    /// A whole page around `body`; `refreshSeconds` reloads it while the shop waits for a webhook.
    static func page(title: String, body: String, refreshSeconds: Int? = nil) -> String {
        let refresh = refreshSeconds.map { #"<meta http-equiv="refresh" content="\#($0)">"# + "\n" } ?? ""
        return """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        \(refresh)<title>\(escape(title)) · Demo shop</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }
        dt { font-weight: 600; } dd { margin: 0 0 .5rem 0; }
        [role=status] { background: #eef6ee; border-left: 4px solid #2e7d32; padding: .5rem .75rem; }
        [role=alert] { background: #fdecea; border-left: 4px solid #c62828; padding: .5rem .75rem; }
        a, button, input { font: inherit; }
        a:focus, button:focus, input:focus { outline: 3px solid #1a56db; outline-offset: 2px; }
        </style>
        </head>
        <body>
        <main>
        \(body)</main>
        <footer><p><a href="/">Demo shop</a></p></footer>
        </body>
        </html>

        """
    }

    /// `text` safe inside HTML text and attribute values.
    static func escape(_ text: String) -> String {
        var result = ""
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
}
