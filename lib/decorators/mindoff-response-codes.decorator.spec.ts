import { declaredResponseCodes } from '../registry/declared-response-codes';
import { MindoffResponseCodes } from './mindoff-response-codes.decorator';

@MindoffResponseCodes('ORDER_CREATED', 'VALIDATION_ERR')
class OrderV1 {}

class OrderV2 extends OrderV1 {}

@MindoffResponseCodes('ORDER_QUEUED')
class OrderV3 extends OrderV1 {}

class Plain {}

describe('@MindoffResponseCodes', () => {
  it('records the codes on the class', () => {
    expect(declaredResponseCodes(OrderV1)).toEqual(['ORDER_CREATED', 'VALIDATION_ERR']);
  });

  it('is inherited by a later version, which may declare its own instead', () => {
    expect(declaredResponseCodes(OrderV2)).toEqual(['ORDER_CREATED', 'VALIDATION_ERR']);
    expect(declaredResponseCodes(OrderV3)).toEqual(['ORDER_QUEUED']);
  });

  it('reads as none on a class without it', () => {
    expect(declaredResponseCodes(Plain)).toEqual([]);
  });
});
