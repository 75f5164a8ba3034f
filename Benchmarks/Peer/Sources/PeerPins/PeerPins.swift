// Nothing to run: this target exists so the package pins swift-openapi-runtime (see Package.swift).
import OpenAPIRuntime

enum PeerPins {}
