export class MyDriver {
  constructor(config) {
    this._config = config;
  }

  generate() {
    return 'Hello World!';
  }
}
