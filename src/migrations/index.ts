import * as migration_20261128_193610_initial from './20261128_193610_initial';
import * as migration_20261128_195115_workflow from './20261128_195115_workflow';
import * as migration_20261128_195126_append_only_trail from './20261128_195126_append_only_trail';
import * as migration_20261128_200142_search_text from './20261128_200142_search_text';
import * as migration_20261128_200144_search_index from './20261128_200144_search_index';
import * as migration_20261128_200424_immutable_versions from './20261128_200424_immutable_versions';
import * as migration_20261128_204715_people from './20261128_204715_people';
import * as migration_20261128_210636_search_vector from './20261128_210636_search_vector';
import * as migration_20261128_221523_version_history from './20261128_221523_version_history';
import * as migration_20261128_222320_queue_and_trail_indexes from './20261128_222320_queue_and_trail_indexes';
import * as migration_20261129_070802_immutable_version_children from './20261129_070802_immutable_version_children';
import * as migration_20261129_072536_accounts_audit from './20261129_072536_accounts_audit';
import * as migration_20261129_072555_login_lock_columns from './20261129_072555_login_lock_columns';
import * as migration_20261129_100000_cache_expiry_outbox from './20261129_100000_cache_expiry_outbox';
import * as migration_20261129_103539_sign_off_policies from './20261129_103539_sign_off_policies';
import * as migration_20261129_105059_reviewer_registrations from './20261129_105059_reviewer_registrations';
import * as migration_20261129_110301_review_assignment from './20261129_110301_review_assignment';
import * as migration_20261129_130755_governance from './20261129_130755_governance';
import * as migration_20261129_132409_scheduled_retirement from './20261129_132409_scheduled_retirement';
import * as migration_20261129_154642_releases from './20261129_154642_releases';
import * as migration_20261129_162744_change_log from './20261129_162744_change_log';
import * as migration_20261129_183739_evidence from './20261129_183739_evidence';
import * as migration_20261129_194008_source_editors from './20261129_194008_source_editors';
import * as migration_20261206_214914_one_engine from './20261206_214914_one_engine';
import * as migration_20261207_010000_address_throttle from './20261207_010000_address_throttle';
import * as migration_20261207_020000_display_name_lookalikes from './20261207_020000_display_name_lookalikes';

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
    name: '20261128_195126_append_only_trail',
  },
  {
    up: migration_20261128_200142_search_text.up,
    down: migration_20261128_200142_search_text.down,
    name: '20261128_200142_search_text',
  },
  {
    up: migration_20261128_200144_search_index.up,
    down: migration_20261128_200144_search_index.down,
    name: '20261128_200144_search_index',
  },
  {
    up: migration_20261128_200424_immutable_versions.up,
    down: migration_20261128_200424_immutable_versions.down,
    name: '20261128_200424_immutable_versions',
  },
  {
    up: migration_20261128_204715_people.up,
    down: migration_20261128_204715_people.down,
    name: '20261128_204715_people',
  },
  {
    up: migration_20261128_210636_search_vector.up,
    down: migration_20261128_210636_search_vector.down,
    name: '20261128_210636_search_vector',
  },
  {
    up: migration_20261128_221523_version_history.up,
    down: migration_20261128_221523_version_history.down,
    name: '20261128_221523_version_history',
  },
  {
    up: migration_20261128_222320_queue_and_trail_indexes.up,
    down: migration_20261128_222320_queue_and_trail_indexes.down,
    name: '20261128_222320_queue_and_trail_indexes',
  },
  {
    up: migration_20261129_070802_immutable_version_children.up,
    down: migration_20261129_070802_immutable_version_children.down,
    name: '20261129_070802_immutable_version_children',
  },
  {
    up: migration_20261129_072536_accounts_audit.up,
    down: migration_20261129_072536_accounts_audit.down,
    name: '20261129_072536_accounts_audit',
  },
  {
    up: migration_20261129_072555_login_lock_columns.up,
    down: migration_20261129_072555_login_lock_columns.down,
    name: '20261129_072555_login_lock_columns',
  },
  {
    up: migration_20261129_100000_cache_expiry_outbox.up,
    down: migration_20261129_100000_cache_expiry_outbox.down,
    name: '20261129_100000_cache_expiry_outbox',
  },
  {
    up: migration_20261129_103539_sign_off_policies.up,
    down: migration_20261129_103539_sign_off_policies.down,
    name: '20261129_103539_sign_off_policies',
  },
  {
    up: migration_20261129_105059_reviewer_registrations.up,
    down: migration_20261129_105059_reviewer_registrations.down,
    name: '20261129_105059_reviewer_registrations',
  },
  {
    up: migration_20261129_110301_review_assignment.up,
    down: migration_20261129_110301_review_assignment.down,
    name: '20261129_110301_review_assignment',
  },
  {
    up: migration_20261129_130755_governance.up,
    down: migration_20261129_130755_governance.down,
    name: '20261129_130755_governance',
  },
  {
    up: migration_20261129_132409_scheduled_retirement.up,
    down: migration_20261129_132409_scheduled_retirement.down,
    name: '20261129_132409_scheduled_retirement',
  },
  {
    up: migration_20261129_154642_releases.up,
    down: migration_20261129_154642_releases.down,
    name: '20261129_154642_releases',
  },
  {
    up: migration_20261129_162744_change_log.up,
    down: migration_20261129_162744_change_log.down,
    name: '20261129_162744_change_log',
  },
  {
    up: migration_20261129_183739_evidence.up,
    down: migration_20261129_183739_evidence.down,
    name: '20261129_183739_evidence',
  },
  {
    up: migration_20261129_194008_source_editors.up,
    down: migration_20261129_194008_source_editors.down,
    name: '20261129_194008_source_editors',
  },
  {
    up: migration_20261206_214914_one_engine.up,
    down: migration_20261206_214914_one_engine.down,
    name: '20261206_214914_one_engine',
  },
  {
    up: migration_20261207_010000_address_throttle.up,
    down: migration_20261207_010000_address_throttle.down,
    name: '20261207_010000_address_throttle',
  },
  {
    up: migration_20261207_020000_display_name_lookalikes.up,
    down: migration_20261207_020000_display_name_lookalikes.down,
    name: '20261207_020000_display_name_lookalikes'
  },
];
