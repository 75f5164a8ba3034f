#if Emulator
import Foundation

/// One period of a recurring price: `interval_count` days, weeks, months or years from a start, on the UTC calendar
/// (a monthly period from 31 January ends on the last day of February, as Stripe bills it).
struct BillingPeriod: Sendable, Hashable {
    var start: Date
    var end: Date

    /// The period starting at `start` for `count` of `interval` (`day`, `week`, `month` or `year`).
    init(start: Date, interval: String, count: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let component: Calendar.Component = switch interval {
        case "day": .day
        case "week": .weekOfYear
        case "year": .year
        default: .month
        }
        self.start = start
        self.end = calendar.date(byAdding: component, value: max(1, count), to: start) ?? start.addingTimeInterval(30 * 86400)
    }

    /// A period with explicit bounds (a trial).
    init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }
}
#endif
