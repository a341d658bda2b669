/**
 * The model of a user's TargetGroupBinding (bring your own target group): where its targets come
 * from and who may reach them. Pure: the target group is read by the caller.
 */
package dev.lbr.translate.binding;
