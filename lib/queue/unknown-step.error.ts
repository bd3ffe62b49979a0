/** `checkpoint()` named a step the API does not declare in `progressSteps`: the task fails with `API_CONFIG_ERR`. */
export class UnknownStepError extends Error {
  readonly code = 'API_CONFIG_ERR';

  constructor(step: string, declared: string[]) {
    super(
      `checkpoint('${step}') names no declared progress step; declared: [${declared.join(', ')}].`,
    );
    this.name = 'UnknownStepError';
  }
}
