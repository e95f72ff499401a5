package vn.tangthu.archive.sweep;

import vn.tangthu.archive.error.ApiException;
import vn.tangthu.retention.sweep.SweepException;

/** The API's answers for sweep refusals, with stable codes. */
final class SweepErrors {
  private SweepErrors() {}

  /** A life-cycle refusal: 409 for the wrong state, 403 for the two-person rule. */
  static ApiException of(SweepException e) {
    return switch (e.code()) {
      case SWEEP_STATE ->
          ApiException.of(
              409,
              "SWEEP_STATE",
              "Not allowed in the sweep's current state: " + e.getMessage(),
              "Không thực hiện được ở trạng thái hiện tại của đợt hủy: " + e.getMessage());
      case SELF_APPROVAL ->
          ApiException.of(
              403,
              "SELF_APPROVAL",
              "The planner of a sweep cannot approve it: two different persons are required.",
              "Người lập đợt hủy không được tự phê duyệt: cần hai người khác nhau.");
      case NOT_APPROVER ->
          ApiException.of(
              403,
              "NOT_APPROVER",
              "Approving a sweep needs the APPROVER role.",
              "Phê duyệt đợt hủy cần vai trò APPROVER.");
      case OUTSIDE_AGENCY ->
          ApiException.of(
              403,
              "OUTSIDE_AGENCY",
              "The approver must belong to the sweep's agency or an ancestor.",
              "Người phê duyệt phải thuộc cơ quan của đợt hủy hoặc cơ quan cấp trên.");
    };
  }

  static ApiException busy() {
    return ApiException.of(
        409,
        "SWEEP_BUSY",
        "The sweep is being executed by another request (on this or another API node).",
        "Đợt hủy đang được thực hiện bởi một yêu cầu khác.");
  }

  static ApiException invalid(String en, String vi) {
    return ApiException.badRequest("INVALID_REQUEST", en, vi);
  }
}
