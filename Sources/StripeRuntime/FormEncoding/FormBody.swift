/// Reading `application/x-www-form-urlencoded` text back into name/value pairs, the inverse of
/// `FormEncoder.encodeBody(_:)`; useful in tests and in servers that receive Stripe-style bodies.
public enum FormBody {
    /// Splits `body` on `&` and `=`, decoding percent-escapes and `+` as a space. Empty segments are
    /// skipped; a segment without `=` gives an empty value.
    public static func parse(_ body: String) -> [FormField] {
        var fields: [FormField] = []
        for segment in body.split(separator: "&", omittingEmptySubsequences: true) {
            if let equals = segment.firstIndex(of: "=") {
                fields.append(FormField(
                    name: PercentEncoding.decode(segment[..<equals], plusAsSpace: true),
                    value: PercentEncoding.decode(segment[segment.index(after: equals)...], plusAsSpace: true)
                ))
            } else {
                fields.append(FormField(name: PercentEncoding.decode(segment, plusAsSpace: true), value: ""))
            }
        }
        return fields
    }

    /// Joins already-built pairs into percent-encoded `name=value&…` text.
    public static func serialize(_ fields: [FormField]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(fields.count * 32)
        for (offset, field) in fields.enumerated() {
            if offset > 0 { output.append(UInt8(ascii: "&")) }
            PercentEncoding.append(field.name, to: &output)
            output.append(UInt8(ascii: "="))
            PercentEncoding.append(field.value, to: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }
}
