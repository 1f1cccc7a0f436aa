// The province server's own refusals, Vietnamese first then English, in the API's error shape.
import { DomainError, type DomainErrorKind } from '../domain/index.ts';

const P = {
  bad_centre_token: ['unauthorized', 'Mã truy cập của trung tâm không hợp lệ', "the centre's token is not valid"],
  events_out_of_order: ['bad_input', 'Các sự kiện phải theo thứ tự mã tăng dần', 'events must come in ascending id order'],
  unknown_centre: ['not_found', 'Không có trung tâm này trong danh sách của tỉnh', "no such centre in the province's registry"],
  province_sign_in: ['unauthorized', 'Hãy đăng nhập bằng tài khoản của tỉnh', "please sign in with a province account"],
} as const satisfies Record<string, [DomainErrorKind, string, string]>;

export function provinceFail(code: keyof typeof P): DomainError {
  const [kind, vi, en] = P[code];
  return new DomainError(kind, code, `${vi} / ${en}`);
}
