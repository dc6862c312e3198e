import HTTPTypes
import Hummingbird
import TaskgateCore

/// vCO's manual run: a task has no "run now", its workflow has (vco.md §2, "Related"):
/// `POST /vco/api/workflows/{workflowId}/executions` answers 202 with an empty body and the new
/// execution in `Location`; `GET …/executions` lists the runs and `GET …/executions/{executionId}/state`
/// answers one run's state.
///
/// The emulator holds no workflow definitions: every workflow id runs, and every run completes at
/// once with the input parameters it was given.
extension VcoDescription {
    func registerRelatedRoutes(on router: Router<BasicRequestContext>, core: EmulatorCore) {
        let executions = router.group("vco/api/workflows/{workflowId}/executions")
        executions.post { request, context in
            let workflowID = try context.parameters.require("workflowId")
            let body = try await core.jsonBody(request)
            let parameters = body["parameters"] ?? .array([])
            guard body.objectValue != nil, parameters.arrayValue != nil else {
                let found =
                    body.objectValue == nil
                    ? "the body is \(body.typeName)" : "parameters is \(JSONWriter.text(parameters))"
                throw core.failure(
                    .badRequest, code: "",
                    message: "\(found); expected an execution context: an object with a parameters array")
            }
            let id = EmulatorID.uuid()
            let now = JSONValue.string(core.clock().description)
            let run: JSONValue = .object([
                "id": .string(id), "state": .string("completed"), "start-date": now, "end-date": now,
                "input-parameters": parameters,
            ])
            try await core.store.insertRun(product: product, taskID: Self.runOwner(workflowID), id: id, body: run)
            let location = "\(core.origin(request))/vco/api/workflows/\(workflowID)/executions/\(id)/"
            return Response(status: .accepted, headers: [.location: location])
        }
        executions.get { _, context in
            let workflowID = try context.parameters.require("workflowId")
            let runs = try await core.store.runs(
                product: product, taskID: Self.runOwner(workflowID), after: 0, limit: 10_000)
            return Reply.page(["total": .integer(Int64(runs.count)), "start": .integer(0)], runs, at: "link")
        }
        executions.get("{executionId}/state") { _, context in
            let workflowID = try context.parameters.require("workflowId")
            let id = try context.parameters.require("executionId")
            let runs = try await core.store.runs(
                product: product, taskID: Self.runOwner(workflowID), after: 0, limit: 10_000)
            guard let run = runs.first(where: { $0.id == id }) else {
                throw core.failure(.notFound, code: "", message: "Workflow execution not found: \(id)")
            }
            return Reply.json(.object(["value": run.body["state"] ?? .string("completed")]))
        }
    }

    /// Runs of a workflow are kept beside the runs of tasks, under a key no task id can take.
    static func runOwner(_ workflowID: String) -> String { "workflow:\(workflowID)" }
}
