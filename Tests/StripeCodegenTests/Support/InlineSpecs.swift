/// Small specs of our own, each exercising one construct of Stripe's dialect.
enum InlineSpecs {
    /// An object with required, optional and nullable fields, acronyms, a keyword, dates, a decimal, a map and an
    /// inline object.
    static let gadget = Generation.spec(schemas: """
        gadget:
          type: object
          required: [id, object, display_name, owner_url, default, note, created, dimensions]
          properties:
            id:
              type: string
              maxLength: 5000
            object:
              type: string
              enum: [gadget]
            display_name:
              type: string
            owner_url:
              type: string
            default:
              type: boolean
            note:
              type: string
              nullable: true
            nickname:
              type: string
            api_key_ids:
              type: array
              items:
                type: string
            created:
              type: integer
              format: unix-time
            archived_at:
              type: integer
              format: unix-time
              nullable: true
            unit_amount_decimal:
              type: string
              format: decimal
              nullable: true
            metadata:
              type: object
              additionalProperties:
                type: string
            dimensions:
              type: object
              required: [height]
              properties:
                height:
                  type: number
                width:
                  type: number
                  nullable: true

    """)

    /// An open string enum component; the empty value is not a case.
    static let colors = Generation.spec(schemas: """
        gadget_color:
          type: string
          enum: [red, dark_blue, default, ""]

    """)

    /// References: an expandable id-or-object, an optional reference, and a union with a deleted member.
    static let references = Generation.spec(schemas: """
        gadget:
          type: object
          required: [id, object]
          properties:
            id:
              type: string
            object:
              type: string
              enum: [gadget]
        deleted_gadget:
          type: object
          required: [id, object, deleted]
          properties:
            id:
              type: string
            object:
              type: string
              enum: [gadget]
            deleted:
              type: boolean
              enum: [true]
        box:
          type: object
          required: [id, owner, maker, content]
          properties:
            id:
              type: string
            owner:
              anyOf:
                - type: string
                  maxLength: 5000
                - $ref: '#/components/schemas/gadget'
            maker:
              anyOf:
                - type: string
                - $ref: '#/components/schemas/gadget'
                - $ref: '#/components/schemas/deleted_gadget'
            spare:
              anyOf:
                - $ref: '#/components/schemas/gadget'
              nullable: true
            content:
              anyOf:
                - $ref: '#/components/schemas/gadget'
                - $ref: '#/components/schemas/deleted_gadget'

    """)

    /// Two schemas that refer to each other.
    static let recursive = Generation.spec(schemas: """
        node_a:
          type: object
          required: [name]
          properties:
            name:
              type: string
            partner:
              $ref: '#/components/schemas/node_b'
        node_b:
          type: object
          required: [name]
          properties:
            name:
              type: string
            origin:
              anyOf:
                - $ref: '#/components/schemas/node_a'
              nullable: true

    """)

    static let widgetSchema = """
        widget:
          type: object
          required: [id, object, label]
          x-expandableFields: [owner, latest_part]
          properties:
            id:
              type: string
            object:
              type: string
              enum: [widget]
            label:
              type: string
            owner:
              type: string
              nullable: true
            latest_part:
              type: string
              nullable: true

    """

    static let widgetList = """
                        type: object
                        required: [object, data, has_more, url]
                        properties:
                          object:
                            type: string
                            enum: [list]
                          data:
                            type: array
                            items:
                              $ref: '#/components/schemas/widget'
                          has_more:
                            type: boolean
                          url:
                            type: string
    """

    /// A form-body create with deep objects, an unsettable field, typed `expand`, and a retrieve.
    static let widgetParams = Generation.spec(schemas: widgetSchema, paths: """
      /v1/widgets:
        post:
          operationId: PostWidgets
          requestBody:
            required: true
            content:
              application/x-www-form-urlencoded:
                encoding:
                  expand:
                    explode: true
                    style: deepObject
                  dimensions:
                    explode: true
                    style: deepObject
                  parts:
                    explode: true
                    style: deepObject
                  nickname:
                    explode: true
                    style: deepObject
                schema:
                  type: object
                  required: [label]
                  properties:
                    label:
                      type: string
                      maxLength: 40
                    expand:
                      type: array
                      items:
                        type: string
                        maxLength: 5000
                    dimensions:
                      type: object
                      required: [unit]
                      properties:
                        unit:
                          type: string
                          enum: [cm, in]
                        caption:
                          type: string
                          maxLength: 10
                    parts:
                      type: array
                      items:
                        type: object
                        required: [name]
                        properties:
                          name:
                            type: string
                            maxLength: 20
                          count:
                            type: integer
                    nickname:
                      anyOf:
                        - type: string
                          maxLength: 30
                        - type: string
                          enum: [""]
                    tags:
                      anyOf:
                        - type: object
                          additionalProperties:
                            type: string
                        - type: string
                          enum: [""]
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/widget'
      /v1/widgets/{widget}:
        get:
          operationId: GetWidgetsWidget
          parameters:
            - name: widget
              in: path
              required: true
              schema:
                type: string
                maxLength: 5000
            - name: expand
              in: query
              style: deepObject
              explode: true
              schema:
                type: array
                items:
                  type: string
                  maxLength: 5000
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/widget'

    """)

    /// A list with a `created` range filter.
    static let widgetCreatedFilter = Generation.spec(schemas: widgetSchema, paths: """
      /v1/widgets:
        get:
          operationId: GetWidgets
          parameters:
            - name: created
              in: query
              style: deepObject
              explode: true
              schema:
                anyOf:
                  - type: object
                    title: range_query_specs
                    properties:
                      gt:
                        type: integer
                      gte:
                        type: integer
                      lt:
                        type: integer
                      lte:
                        type: integer
                  - type: integer
            - name: limit
              in: query
              schema:
                type: integer
            - name: starting_after
              in: query
              schema:
                type: string
                maxLength: 5000
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
    \(widgetList)

    """)

    static func widgetResponse(_ indent: String = "") -> String {
        """
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/widget'
        """
    }

    /// Every path shape resource naming knows.
    static let widgetResources = Generation.spec(schemas: widgetSchema + """
        widget_search_result:
          type: object
          required: [object, data, has_more]
          properties:
            object:
              type: string
              enum: [search_result]
            data:
              type: array
              items:
                $ref: '#/components/schemas/widget'
            has_more:
              type: boolean

    """, paths: """
      /v1/widgets:
        get:
          operationId: GetWidgets
          parameters:
            - name: starting_after
              in: query
              schema:
                type: string
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
    \(widgetList)
        post:
          operationId: PostWidgets
    \(widgetResponse())
      /v1/widgets/search:
        get:
          operationId: GetWidgetsSearch
          parameters:
            - name: query
              in: query
              required: true
              schema:
                type: string
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
                    $ref: '#/components/schemas/widget_search_result'
      /v1/widgets/{widget}:
        get:
          operationId: GetWidgetsWidget
          parameters:
            - name: widget
              in: path
              required: true
              schema:
                type: string
    \(widgetResponse())
        post:
          operationId: PostWidgetsWidget
          parameters:
            - name: widget
              in: path
              required: true
              schema:
                type: string
    \(widgetResponse())
        delete:
          operationId: DeleteWidgetsWidget
          parameters:
            - name: widget
              in: path
              required: true
              schema:
                type: string
    \(widgetResponse())
      /v1/widgets/{widget}/archive:
        post:
          operationId: PostWidgetsWidgetArchive
          parameters:
            - name: widget
              in: path
              required: true
              schema:
                type: string
    \(widgetResponse())
      /v1/shop/widgets:
        get:
          operationId: GetShopWidgets
          parameters:
            - name: starting_after
              in: query
              schema:
                type: string
          responses:
            "200":
              description: ok
              content:
                application/json:
                  schema:
    \(widgetList)

    """)
}
