import Foundation
import StripeCodegen

/// A small spec of our own and variants of it with exactly one change each, diffed through `Codegen.diff`.
enum DiffSpecs {
    /// A widget model and a widgets resource: create (form body), retrieve and cancel.
    static let base = """
        openapi: 3.0.0
        info:
          title: Diff test spec
          version: "2099-01-01"
        servers:
          - url: https://api.example.test/
        components:
          schemas:
            widget:
              type: object
              required: [id, object, status]
              properties:
                id:
                  type: string
                object:
                  type: string
                  enum: [widget]
                status:
                  type: string
                  enum: [active, retired]
                label:
                  type: string
                  nullable: true
                shipping_details:
                  type: string
                  nullable: true
        paths:
          /v1/widgets:
            post:
              operationId: PostWidgets
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      required: [name]
                      properties:
                        name:
                          type: string
                          maxLength: 100
                        note:
                          type: string
                        color:
                          type: string
                          enum: [red, blue]
              responses:
                "200":
                  description: The widget.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/widget'
          /v1/widgets/{widget}:
            get:
              operationId: GetWidgetsWidget
              parameters:
                - in: path
                  name: widget
                  required: true
                  schema:
                    type: string
              responses:
                "200":
                  description: The widget.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/widget'
          /v1/widgets/{widget}/cancel:
            post:
              operationId: PostWidgetsWidgetCancel
              parameters:
                - in: path
                  name: widget
                  required: true
                  schema:
                    type: string
              responses:
                "200":
                  description: The widget.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/widget'

        """

    /// `base` with `target` replaced by `replacement`; throws when `base` lacks `target`, so no test diffs `base`
    /// against itself by mistake.
    static func base(replacing target: String, with replacement: String) throws -> String {
        guard base.contains(target) else { throw Missing(text: target) }
        return base.replacingOccurrences(of: target, with: replacement)
    }

    struct Missing: Error { var text: String }

    /// The 1-based line of the first line of `text` that contains `needle`.
    static func line(of needle: String, in text: String) throws -> Int {
        let lines = text.components(separatedBy: "\n")
        guard let index = lines.firstIndex(where: { $0.contains(needle) }) else { throw Missing(text: needle) }
        return index + 1
    }

    /// Writes both specs into a fresh folder and diffs them, optionally with a `stripe-codegen.yaml`.
    static func diff(_ old: String, _ new: String, configuration: String? = nil) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.path + "/api-diff-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let oldPath = folder + "/old.yaml"
        let newPath = folder + "/new.yaml"
        try old.write(toFile: oldPath, atomically: true, encoding: .utf8)
        try new.write(toFile: newPath, atomically: true, encoding: .utf8)
        var configPath: String?
        if let configuration {
            configPath = folder + "/stripe-codegen.yaml"
            try configuration.write(toFile: folder + "/stripe-codegen.yaml", atomically: true, encoding: .utf8)
        }
        let report = try Codegen.diff(from: oldPath, to: newPath, configuration: configPath)
        return Result(report: report, oldPath: oldPath, newPath: newPath)
    }

    /// A report with the paths its specs were written to.
    struct Result {
        var report: APIDiffReport
        var oldPath: String
        var newPath: String

        var changes: [APIChange] { report.changes }
    }
}
