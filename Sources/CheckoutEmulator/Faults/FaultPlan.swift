#if Emulator
/// The faults still waiting to fire, in the order they were added; each match uses one up.
struct FaultPlan: Sendable {
    private(set) var pending: [EmulatorFault] = []

    mutating func add(_ fault: EmulatorFault) {
        guard fault.count > 0 else { return }
        pending.append(fault)
    }

    mutating func removeAll() {
        pending.removeAll()
    }

    /// The first fault matching the request, with one of its uses spent.
    mutating func take(method: String, path: String) -> EmulatorFault? {
        guard let index = pending.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let fault = pending[index]
        pending[index].count -= 1
        if pending[index].count <= 0 { pending.remove(at: index) }
        return fault
    }
}
#endif
