/// Prints a resource: a small struct holding the client and one method per operation, and, in files of their own,
/// each operation's params type as an extension (one large file would hold up a parallel build).
///
/// A method that answers one list page is named with `Page` (`listPage`); an operation that takes `starting_after`
/// also gets the plain name (`list`) for the sequence that pages through every result, so a plain name never means
/// one page.
struct ResourceRenderer {
    let access: String
    let types: TypeRenderer

    func render(_ resource: ResourceIR, into printer: inout CodePrinter) {
        var coding = CodePrinter()
        let dotted = (resource.namespace + [resource.name]).joined(separator: ".")
        printer.doc(["The `\(dotted)` operations: reach them as `stripe.\(accessorPath(resource))`."])
        printer.block("\(access)struct \(resource.typeName): Sendable") { body in
            body.doc(["The client the operations are sent with."])
            body.line("\(access)let client: \(RuntimeNames.client)")
            body.line()
            body.doc(["Creates the operations for `client`."])
            body.block("\(access)init(client: \(RuntimeNames.client))") { $0.line("self.client = client") }
            for operation in resource.operations {
                body.line()
                renderOperation(operation, named: dotted + "." + operation.methodName, into: &body)
            }
            for nested in resource.nested {
                body.line()
                types.render(nested, owner: resource.typeName, into: &body, coding: &coding)
            }
        }
        printer.appendCoding(coding)
    }

    /// The params type of one operation, as an extension of the resource.
    func renderParams(of operation: OperationIR, in resource: ResourceIR, into printer: inout CodePrinter) {
        var coding = CodePrinter()
        printer.block("extension \(resource.typeName)") { body in
            types.render(.structure(operation.params), owner: resource.typeName, into: &body, coding: &coding)
        }
        printer.appendCoding(coding)
    }

    private func accessorPath(_ resource: ResourceIR) -> String {
        (resource.namespace + [resource.name]).map { SwiftNames.memberName($0) }.joined(separator: ".")
    }

    /// Prints the method(s) of `operation`, whose requests are traced and counted as `name` (`checkout.sessions.create`).
    private func renderOperation(_ operation: OperationIR, named name: String, into printer: inout CodePrinter) {
        let paramsType = operation.params.name
        var arguments = operation.pathArguments.map { "_ \($0.label): String" }
        arguments.append("_ params: \(paramsType)" + (operation.paramsAreOptional ? " = \(paramsType)()" : ""))
        arguments.append("options: \(RuntimeNames.requestOptions) = \(RuntimeNames.requestOptions)()")
        let signature = arguments.joined(separator: ", ")
        let named = "operation: \(RuntimeNames.operation)(\"\(name)\", pathTemplate: \"\(operation.specPath)\")"
        // A HEAD answer has no body to decode: the method sends the request and returns the answer's headers.
        let call = operation.returnsHeaders
            ? "client.send(.\(operation.httpMethod), \"\(operation.pathTemplate)\", params: params, options: options, "
                + "apiVersion: \(RuntimeNames.bindings).apiVersion, \(named)).headers"
            : "client.perform(.\(operation.httpMethod), \"\(operation.pathTemplate)\", params: params, options: options, "
                + "apiVersion: \(RuntimeNames.bindings).apiVersion, \(named))"
        let deprecation: [CodeText] = operation.deprecated ? ["@available(*, deprecated, message: \"Deprecated by the API.\")"] : []

        // `return` (`POST .../{id}/return`) and other keywords need backticks where the method is declared.
        let methodName = SwiftNames.escaped(operation.methodName)
        let documentation = operation.documentation
        if let element = operation.listElement {
            let pageMethod = SwiftNames.escaped(operation.methodName + "Page")
            printer.doc(documentation + ["", "Fetches one page; the cursors in `params` choose which."])
            deprecation.forEach { printer.line($0) }
            printer.block("\(access)func \(pageMethod)(\(signature)) async throws -> \(RuntimeNames.listPage)<\(element.swift)>") { body in
                body.line("try await \(call)")
            }
            guard hasCursor(operation) else { return }
            printer.line()
            let backward = hasCursor(operation, named: "ending_before")
            var paging = [backward
                ? "Pages through every result lazily, following `starting_after`, or `ending_before` backwards when `params` sets it."
                : "Pages through every result lazily, following `starting_after`."]
            switch operation.listCursor {
            case .identifiable: break
            case .optionalID: paging.append("Objects without an id are passed over as cursors; a page where none has one ends the sequence.")
            case .none: paging.append("Its objects have no id to page past, so the sequence ends after the first page.")
            }
            printer.doc(documentation + [""] + paging)
            deprecation.forEach { printer.line($0) }
            printer.block("\(access)func \(methodName)(\(signature)) -> \(RuntimeNames.autoPagingSequence)<\(element.swift)>") { body in
                var arguments = backward ? ["backward: params.endingBefore != nil"] : []
                switch operation.listCursor {
                case .identifiable: break
                case .optionalID: arguments.append("cursor: { $0.id }")
                case .none: arguments.append("cursor: { _ in nil }")
                }
                let opening: CodeText = arguments.isEmpty
                    ? "\(RuntimeNames.autoPagingSequence) { cursor in"
                    : "\(RuntimeNames.autoPagingSequence)(\(arguments.joined(separator: ", "))) { cursor in"
                body.block(opening, closing: "}") { closure in
                    closure.line("var page = params")
                    if backward {
                        closure.line("if let cursor, params.endingBefore != nil { page.endingBefore = cursor } else if let cursor { page.startingAfter = cursor }")
                    } else {
                        closure.line("if let cursor { page.startingAfter = cursor }")
                    }
                    let pathArguments = operation.pathArguments.map { SwiftNames.bare($0.label) + ", " }.joined()
                    closure.line("return try await self.\(pageMethod)(\(pathArguments)page, options: options)")
                }
            }
            return
        }
        printer.doc(documentation)
        deprecation.forEach { printer.line($0) }
        printer.block("\(access)func \(methodName)(\(signature)) async throws -> \(operation.response.swift)") { body in
            body.line("try await \(call)")
        }
    }

    private func hasCursor(_ operation: OperationIR, named name: String = "starting_after") -> Bool {
        operation.params.properties.contains { $0.jsonName == name && $0.type == .string }
    }
}
