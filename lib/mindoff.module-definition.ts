import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { MindoffModuleOptions } from './interfaces/mindoff-module-options.interface';

export const {
  ConfigurableModuleClass: ConfigurableMindoffModule,
  MODULE_OPTIONS_TOKEN: MINDOFF_MODULE_OPTIONS,
  OPTIONS_TYPE: MINDOFF_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: MINDOFF_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<MindoffModuleOptions>({ moduleName: 'Mindoff' })
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: true }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
