import { validationPipeIssues } from './validation-pipe.issues';

describe('validationPipeIssues', () => {
  it("reads the property from the start of class-validator's default messages, with the parent path Nest prepends", () => {
    expect(
      validationPipeIssues({
        message: ['customer_id must be a string', 'items.1.qty must be an integer number'],
        error: 'Bad Request',
        statusCode: 400,
      }),
    ).toEqual([
      { path: 'customer_id', code: 'schema', message: 'customer_id must be a string' },
      { path: 'items[1].qty', code: 'schema', message: 'items.1.qty must be an integer number' },
    ]);
  });

  it('finds the property in the messages that name it a few words in', () => {
    const paths = validationPipeIssues({
      message: [
        'property coupon should not exist',
        'items.0.property note should not exist',
        'each value in tags must be a string',
        'nested property address must be either object or array',
      ],
    })?.map((issue) => issue.path);
    expect(paths).toEqual(['coupon', 'items[0].note', 'tags', 'address']);
  });

  it("leaves out the pipe's note that it omitted further errors", () => {
    const issues = validationPipeIssues({
      message: ['qty must be a number', 'Further validation errors were omitted'],
    });
    expect(issues).toHaveLength(1);
  });

  it("reads the paths of the pipe's grouped format", () => {
    expect(
      validationPipeIssues({
        message: { 'items.0.qty': ['items.0.qty must be an integer number'], '...': ['omitted'] },
      }),
    ).toEqual([
      { path: 'items[0].qty', code: 'schema', message: 'items.0.qty must be an integer number' },
    ]);
  });

  it("reports class-validator's errors passed on by an exceptionFactory with expected and received", () => {
    const errors = [
      { property: 'customer_id', value: undefined, constraints: { isString: 'must be a string' } },
      {
        property: 'items',
        value: [{ qty: 1.5 }],
        children: [
          {
            property: '0',
            value: { qty: 1.5 },
            children: [{ property: 'qty', value: 1.5, constraints: { isInt: 'not an integer' } }],
          },
        ],
      },
    ];
    expect(validationPipeIssues(errors)).toEqual([
      {
        path: 'customer_id',
        code: 'required',
        message: 'must be a string',
        expected: 'isString',
        received: 'undefined',
      },
      {
        path: 'items[0].qty',
        code: 'schema',
        message: 'not an integer',
        expected: 'isInt',
        received: 'number',
      },
    ]);
  });

  it('is undefined for an exception that is not a validation failure', () => {
    expect(validationPipeIssues({ message: 'Bad Request', statusCode: 400 })).toBeUndefined();
    expect(validationPipeIssues('Validation failed (numeric string is expected)')).toBeUndefined();
    expect(validationPipeIssues({ message: [] })).toBeUndefined();
    expect(validationPipeIssues({ message: {} })).toBeUndefined();
    expect(validationPipeIssues({ message: [1, 2] })).toBeUndefined();
  });
});
