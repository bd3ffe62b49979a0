import { Injectable } from '@nestjs/common';

/** Holds the slow report's tasks until a test opens the gate. */
@Injectable()
export class ReportGate {
  private opened!: () => void;
  private readonly gate = new Promise<void>((resolve) => (this.opened = resolve));

  wait(): Promise<void> {
    return this.gate;
  }

  open(): void {
    this.opened();
  }
}
