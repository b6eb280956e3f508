import '@testing-library/jest-dom';

// jsdom has no layout: xyflow measures nodes with ResizeObserver and reads transforms with
// DOMMatrixReadOnly, so both get minimal stand-ins.
class ResizeObserverStub {
  private readonly callback: ResizeObserverCallback;
  constructor(callback: ResizeObserverCallback) {
    this.callback = callback;
  }
  observe(target: Element) {
    this.callback([{ target } as unknown as ResizeObserverEntry], this as unknown as ResizeObserver);
  }
  unobserve() {}
  disconnect() {}
}

class DOMMatrixReadOnlyStub {
  m22: number;
  constructor(transform?: string) {
    const scale = transform?.match(/scale\(([0-9.]+)\)/)?.[1];
    this.m22 = scale !== undefined ? Number(scale) : 1;
  }
}

Object.assign(globalThis, {
  ResizeObserver: globalThis.ResizeObserver ?? ResizeObserverStub,
  DOMMatrixReadOnly: globalThis.DOMMatrixReadOnly ?? DOMMatrixReadOnlyStub,
});

Object.defineProperties(HTMLElement.prototype, {
  offsetHeight: { configurable: true, get: () => 100 },
  offsetWidth: { configurable: true, get: () => 250 },
});

// d3-zoom animates between viewports using the element's client size; zero makes every step NaN.
Object.defineProperties(Element.prototype, {
  clientHeight: { configurable: true, get: () => 600 },
  clientWidth: { configurable: true, get: () => 800 },
});
