/// Tarjan's algorithm over a graph of integer nodes: which nodes lie on a common cycle.
/// Iterative, so deep reference chains cannot overflow the stack.
enum StronglyConnectedComponents {
    /// A component number for each node of `successors` (node `i`'s edges go to `successors[i]`); two nodes share
    /// a number exactly when each reaches the other.
    static func components(of successors: [[Int]]) -> [Int] {
        let count = successors.count
        let unvisited = -1
        var index = [Int](repeating: unvisited, count: count)
        var lowLink = [Int](repeating: 0, count: count)
        var onStack = [Bool](repeating: false, count: count)
        var component = [Int](repeating: unvisited, count: count)
        var stack: [Int] = []
        var nextIndex = 0
        var nextComponent = 0
        // Depth-first call frames: a node and how many of its successors have been walked.
        var frames: [(node: Int, edge: Int)] = []
        for root in 0..<count where index[root] == unvisited {
            frames.append((root, 0))
            index[root] = nextIndex; lowLink[root] = nextIndex; nextIndex += 1
            stack.append(root); onStack[root] = true
            while let (node, edge) = frames.last {
                if edge < successors[node].count {
                    frames[frames.count - 1].edge += 1
                    let next = successors[node][edge]
                    if index[next] == unvisited {
                        index[next] = nextIndex; lowLink[next] = nextIndex; nextIndex += 1
                        stack.append(next); onStack[next] = true
                        frames.append((next, 0))
                    } else if onStack[next] {
                        lowLink[node] = min(lowLink[node], index[next])
                    }
                    continue
                }
                frames.removeLast()
                if let (parent, _) = frames.last { lowLink[parent] = min(lowLink[parent], lowLink[node]) }
                guard lowLink[node] == index[node] else { continue }
                while let member = stack.popLast() {
                    onStack[member] = false
                    component[member] = nextComponent
                    if member == node { break }
                }
                nextComponent += 1
            }
        }
        return component
    }
}
