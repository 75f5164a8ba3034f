import Foundation
import StripeCodegen
import Testing

/// Properties whose wire names are `self`, `init`, or the names of the generated methods' own parameters and
/// locals (`container`, `encoder`, `path`): each is read and written as the property, never as what the plain name
/// would mean there.
@Suite struct ShadowedPropertyNamesTests {
    static let spec = Generation.spec(schemas: """
        sprocket:
          type: object
          required: [self, container]
          properties:
            self:
              type: string
            init:
              type: string
            container:
              type: string
            encoder:
              type: integer

    """, paths: """
      /v1/sprockets:
        post:
          operationId: PostSprockets
          requestBody:
            content:
              application/x-www-form-urlencoded:
                encoding:
                  path:
                    explode: true
                    style: deepObject
                schema:
                  type: object
                  properties:
                    self:
                      type: string
                      maxLength: 10
                    path:
                      type: object
                      properties:
                        step:
                          type: string
                          maxLength: 5
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/sprocket'

    """)

    @Test func modelInitializerDecodingAndEncodingReachTheProperties() throws {
        let files = try Generation.files(Self.spec)
        let model = try Generation.file("Models/Sprocket.swift", in: files)
        Snapshot.expect(Excerpt.declaration("public init(", in: model), equals: """
            public init(
                `self` self_: String?,
                `init`: String? = nil,
                container: String?,
                encoder: Int? = nil
            ) {
                self.`self` = self_
                self.`init` = `init`
                self.container = container
                self.encoder = encoder
            }

            """)
        Snapshot.expect(Excerpt.declaration("public init(from decoder", in: model), equals: """
            public init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: FieldKey.self)
                self.`self` = try container.decodeRequired(String.self, forKey: "self", in: decoder)
                self.`init` = try container.decodeStringIfPresent(forKey: "init")
                self.container = try container.decodeRequired(String.self, forKey: "container", in: decoder)
                self.encoder = try container.decodeIntIfPresent(forKey: "encoder")
            }

            """)
        Snapshot.expect(Excerpt.declaration("public func encode(to", in: model), equals: """
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: FieldKey.self)
                try container.encodeStringIfPresent(self.`self`, forKey: "self")
                try container.encodeStringIfPresent(`init`, forKey: "init")
                try container.encodeStringIfPresent(self.container, forKey: "container")
                try container.encodeIntIfPresent(self.encoder, forKey: "encoder")
            }

            """)
    }

    @Test func paramsEncodingAndValidationReachTheProperties() throws {
        let files = try Generation.files(Self.spec)
        let params = try Generation.file("Resources/SprocketsAPI+CreateParams.swift", in: files)
        let own = Excerpt.declaration("extension SprocketsAPI.CreateParams {", in: params) ?? ""
        Snapshot.expect(Excerpt.declaration("public func encode(to", in: own), equals: """
            public func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: FieldKey.self)
                try container.encodeStringIfPresent(self.`self`, forKey: "self")
                try container.encodeFieldIfPresent(path, forKey: "path")
            }

            """)
        Snapshot.expect(Excerpt.declaration("public func validate(at", in: own), equals: """
            public func validate(at path: ParameterPath) throws {
                try ParameterCheck.maxLength(self.`self`, 10, at: path.appending("self"))
                try ParameterCheck.nested(self.path, at: path.appending("path"))
            }

            """)
    }
}
