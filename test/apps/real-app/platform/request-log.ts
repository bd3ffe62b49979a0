import { Injectable } from '@nestjs/common';

/** The lines the logging interceptor wrote, kept in memory: `GET /api/users ok`. */
@Injectable()
export class RequestLog {
  readonly lines: string[] = [];

  record(line: string): void {
    this.lines.push(line);
  }
}
