import XCTest

@testable import GitformCore

/// Table cells of the summary: nothing in an address or reason can break the table or the page.
final class PlanReviewCellTests: XCTestCase {
  func testCodeSpansAndCells() {
    XCTAssertEqual(PlanReview.code("user_token.ci"), "`user_token.ci`")
    XCTAssertEqual(PlanReview.code("user_token.u[\"a`b\"]"), "`` user_token.u[\"a`b\"] ``")
    XCTAssertEqual(PlanReview.code("a|b"), "`a\\|b`")
    XCTAssertEqual(PlanReview.cell("x | <script>\nnext"), "x \\| &lt;script&gt; next")
  }
}
