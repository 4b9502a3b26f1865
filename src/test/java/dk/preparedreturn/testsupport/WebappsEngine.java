package dk.preparedreturn.testsupport;

import org.camunda.bpm.admin.Admin;
import org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate;
import org.camunda.bpm.cockpit.Cockpit;
import org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.tasklist.Tasklist;
import org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate;
import org.camunda.bpm.welcome.Welcome;
import org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate;

/**
 * Points Camunda's static registries at this test context's engine. The REST API and the webapps
 * find the engine "default" by name, in JVM-wide registries, and the webapps keep a command
 * executor per engine name: in a test JVM where other contexts (other databases, nodes of the
 * cluster tests) started and closed engines of the same name, a webapp call could reach a closed one.
 * In production there is one engine per JVM and none of this applies. (The container's registry is
 * left alone: unregistering an engine there closes it.)
 */
public final class WebappsEngine {

  private WebappsEngine() {
  }

  public static void use(ProcessEngine engine) {
    ProcessEngines.registerProcessEngine(engine);
    Cockpit.setCockpitRuntimeDelegate(new DefaultCockpitRuntimeDelegate());
    Admin.setAdminRuntimeDelegate(new DefaultAdminRuntimeDelegate());
    Tasklist.setTasklistRuntimeDelegate(new DefaultTasklistRuntimeDelegate());
    Welcome.setRuntimeDelegate(new DefaultWelcomeRuntimeDelegate());
  }
}
