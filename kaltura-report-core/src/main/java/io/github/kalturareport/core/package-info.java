/** kaltura-report core: fetch, validate and check Kaltura Rooms reports. No Maven types. */
package io.github.kalturareport.core;
