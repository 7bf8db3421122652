package org.nashlab.plugin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import org.nashlab.api.PluginModule;

/** A plugin module named in a services file: its class found, checked, and instantiated. */
final class ModuleClass {
  private ModuleClass() {}

  /** A named module that cannot be used, with what is wrong and what to do, in one line. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;

    Unusable(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The class {@code name}, through {@code loader}.
   *
   * @throws Unusable if there is no such class, it is not a plugin module, or it cannot be loaded
   */
  static Class<? extends PluginModule> find(String name, ClassLoader loader) throws Unusable {
    Class<?> type;
    try {
      type = Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      throw new Unusable(
          "its "
              + ServicesFile.PATH
              + " names "
              + name
              + ", a class that is not there; write your PluginModule class's full name (package"
              + " and class) in it");
    } catch (LinkageError e) {
      throw new Unusable(
          "its plugin module "
              + name
              + " cannot be loaded: "
              + FailureText.of(e, loaderName(loader)));
    }
    if (!PluginModule.class.isAssignableFrom(type)) {
      throw new Unusable(
          "its "
              + ServicesFile.PATH
              + " names "
              + name
              + ", which does not extend "
              + PluginModule.class.getName()
              + "; name your PluginModule class there");
    }
    return type.asSubclass(PluginModule.class);
  }

  /**
   * A new instance of {@code type}, its static initialiser run.
   *
   * @throws Unusable if it has no public constructor without parameters, or it throws
   */
  static PluginModule instantiate(Class<? extends PluginModule> type) throws Unusable {
    String loaderName = loaderName(type.getClassLoader());
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
      if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
        throw new NoSuchMethodException();
      }
      return type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw new Unusable(
          "its plugin module "
              + type.getName()
              + " cannot be made; give it a public class with a public constructor without"
              + " parameters");
    } catch (InvocationTargetException e) {
      throw new Unusable(
          "its plugin module "
              + type.getName()
              + " cannot be loaded: "
              + FailureText.of(e.getCause(), loaderName));
    } catch (ClassNotFoundException | LinkageError e) {
      throw new Unusable(
          "its plugin module "
              + type.getName()
              + " cannot be loaded: "
              + FailureText.of(e, loaderName));
    }
  }

  private static String loaderName(ClassLoader loader) {
    return loader == null ? null : loader.getName();
  }
}
