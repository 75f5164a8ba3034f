#if Emulator
import Foundation
import StripeCheckout

/// The routes a customer's browser calls, without an API key: `GET /c/pay/{id}` shows the
/// checkout page, `POST /c/pay/{id}/pay` pays and `POST /c/pay/{id}/cancel` goes back to the
/// shop. Paying a session that is not open never completes it again.
extension CheckoutEngine {
    func hostedPage(_ route: Route, _ request: EmulatorRequest) -> EmulatorResponse {
        switch route {
        case .checkoutPage(let id): showCheckoutPage(id)
        case .payFromPage(let id): payFromPage(id, request)
        case .cancelFromPage(let id): cancelFromPage(id)
        default: .html(404, CheckoutPage.notFound(request.path))
        }
    }

    private func showCheckoutPage(_ id: String) -> EmulatorResponse {
        guard let session = expireIfDue(id) else { return .html(404, CheckoutPage.notFound(id)) }
        guard session.status == .open else { return .html(200, CheckoutPage.notPayable(session)) }
        return .html(200, CheckoutPage.payable(session, items: state.lineItems[id] ?? []))
    }

    private func payFromPage(_ id: String, _ request: EmulatorRequest) -> EmulatorResponse {
        guard let session = expireIfDue(id) else { return .html(404, CheckoutPage.notFound(id)) }
        guard session.status == .open else { return .html(409, CheckoutPage.notPayable(session)) }
        let email = FormTree.fromBody(request)["email"]?.string.flatMap { $0.isEmpty ? nil : $0 }
        let paid: CheckoutSession
        do {
            paid = try complete(id, email: email)
        } catch {
            return .html(409, CheckoutPage.notPayable(session))
        }
        // A session stored before URLs were checked may hold one a browser must not be sent to.
        guard let successURL = paid.successURL, RedirectURLCheck.isAcceptable(successURL) else {
            return .html(200, CheckoutPage.paid(paid))
        }
        return .seeOther(CheckoutPage.successLocation(successURL, sessionID: id))
    }

    private func cancelFromPage(_ id: String) -> EmulatorResponse {
        guard let session = expireIfDue(id) else { return .html(404, CheckoutPage.notFound(id)) }
        guard session.status == .open else { return .html(409, CheckoutPage.notPayable(session)) }
        guard let cancelURL = session.cancelURL, RedirectURLCheck.isAcceptable(cancelURL) else {
            return .html(200, CheckoutPage.cancelled(session))
        }
        return .seeOther(cancelURL)
    }
}

extension EmulatorResponse {
    /// An HTML page that is never cached, since it shows a session's current state.
    static func html(_ status: Int, _ page: String) -> EmulatorResponse {
        EmulatorResponse(status: status, headers: ["Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store"],
                         body: Data(page.utf8))
    }

    /// `303 See Other` to `location`, so the browser follows with a GET.
    static func seeOther(_ location: String) -> EmulatorResponse {
        var response = html(303, CheckoutPage.redirecting(to: location))
        response.headers["Location"] = location
        return response
    }
}
#endif
