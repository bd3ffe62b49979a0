import { AssertionError } from 'node:assert';
import { expectEnvelope, type ApiAnswer } from 'mindoff/testing';

function answer(httpStatus: number, body: unknown, contentType = 'application/json'): ApiAnswer {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return {
    request: 'POST /v1/orders/create_order/',
    httpStatus,
    headers: new Headers({ 'content-type': contentType }),
    body: typeof body === 'string' ? undefined : (body as ApiAnswer['body']),
    text,
  };
}

const invalid = answer(400, {
  status: 'fail',
  message: {
    code: 'INVALID_PAYLOAD',
    title: 'Invalid Payload',
    description: '…',
    category: 'danger',
  },
  data: [{ path: 'n' }],
});

describe('expectEnvelope', () => {
  it('passes when every given field matches, data compared deeply', () => {
    expect(() =>
      expectEnvelope(invalid, {
        status: 'fail',
        code: 'INVALID_PAYLOAD',
        category: 'danger',
        httpStatus: 400,
        data: [{ path: 'n' }],
      }),
    ).not.toThrow();
  });

  it('expects ok, SUCCESS and HTTP 200 when told nothing', () => {
    const ok = answer(200, {
      status: 'ok',
      message: { code: 'SUCCESS', title: 'Success', description: '', category: 'success' },
      data: {},
    });
    expect(() => expectEnvelope(ok)).not.toThrow();
    expect(() => expectEnvelope(invalid)).toThrow(AssertionError);
  });

  it('names the request and every differing field, then shows the body', () => {
    let thrown: unknown;
    try {
      expectEnvelope(invalid, {
        status: 'ok',
        code: 'SUCCESS',
        category: 'danger',
        httpStatus: 200,
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AssertionError);
    const error = thrown as AssertionError;
    expect(error.message).toBe(
      `POST /v1/orders/create_order/ answered a different envelope:
  status: expected ok, got fail
  code: expected SUCCESS, got INVALID_PAYLOAD
  httpStatus: expected 200, got 400
body (HTTP 400): ${invalid.text}`,
    );
    expect(error.actual).toEqual({
      status: 'fail',
      code: 'INVALID_PAYLOAD',
      category: 'danger',
      httpStatus: 400,
    });
    expect(error.expected).toEqual({
      status: 'ok',
      code: 'SUCCESS',
      category: 'danger',
      httpStatus: 200,
    });
  });

  it('says so when the answer is not an envelope', () => {
    expect(() => expectEnvelope(answer(502, 'Bad Gateway', 'text/plain'))).toThrow(
      'POST /v1/orders/create_order/ did not answer a mindoff envelope (HTTP 502, text/plain):\nBad Gateway',
    );
  });

  it('shows data differences as JSON', () => {
    expect(() => expectEnvelope(invalid, { data: [] })).toThrow(
      '  data: expected [], got [{"path":"n"}]',
    );
  });
});
