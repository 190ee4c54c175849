import * as migration_20261128_193610_initial from './20261128_193610_initial';
import * as migration_20261128_195115_workflow from './20261128_195115_workflow';
import * as migration_20261128_195126_append_only_trail from './20261128_195126_append_only_trail';

export const migrations = [
  {
    up: migration_20261128_193610_initial.up,
    down: migration_20261128_193610_initial.down,
    name: '20261128_193610_initial',
  },
  {
    up: migration_20261128_195115_workflow.up,
    down: migration_20261128_195115_workflow.down,
    name: '20261128_195115_workflow',
  },
  {
    up: migration_20261128_195126_append_only_trail.up,
    down: migration_20261128_195126_append_only_trail.down,
    name: '20261128_195126_append_only_trail'
  },
];
